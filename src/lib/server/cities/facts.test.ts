// A city's figures with their history: recorded by its coordinator (or the network admin),
// the current value the latest by year, older values kept, every change audited.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isHttpError } from '@sveltejs/kit';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { validate } from '../validation.ts';
import * as cities from './service.ts';
import { factForm, inFormOrder, normaliseNumber, type FactInput } from './forms.ts';
import { auditLog } from '../audit/schema.ts';
import { cityFact } from './schema.ts';
import { seedContent } from '../content/seed.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

const population = (value: number, year: number, source = 'Statistics Poland'): FactInput => ({
	figure: 'population',
	value,
	year,
	source
});

describe('the fact form', () => {
	const thisYear = new Date().getFullYear();
	const check = (values: Record<string, string>) => validate(factForm, values);

	it('takes a population as typed, with thousands separators', () => {
		const r = check({ figure: 'population', value: '339 784', year: '2023', source: ' GUS ' });
		expect(r).toEqual({
			ok: true,
			data: { figure: 'population', value: 339784, year: 2023, source: 'GUS' }
		});
		expect(normaliseNumber('347,678')).toBe('347678');
		expect(normaliseNumber('1.234.567')).toBe('1234567');
		expect(normaliseNumber('23,5')).toBe('23.5');
		expect(normaliseNumber('-3')).toBeNull();
	});

	it('takes a share with one decimal, comma or point', () => {
		const r = check({
			figure: 'foreign_nationals_share',
			value: '23,5',
			year: '2020',
			source: 'x'
		});
		expect(r.ok && r.data.value).toBe(23.5);
	});

	it('refuses bad values, each with its reason', () => {
		expect(check({})).toMatchObject({
			ok: false,
			errors: {
				figure: 'error_fact_figure_required',
				value: 'error_fact_value_required',
				year: 'error_fact_year_required',
				source: 'error_fact_source_required'
			}
		});
		const bad = (values: Record<string, string>) => {
			const r = check({
				figure: 'population',
				value: '1000',
				year: '2020',
				source: 's',
				...values
			});
			return r.ok ? 'ok' : r.errors;
		};
		expect(bad({ value: 'many' })).toEqual({ value: 'error_fact_value_invalid' });
		expect(bad({ value: '0' })).toEqual({ value: 'error_fact_population_range' });
		expect(bad({ value: '100000001' })).toEqual({ value: 'error_fact_population_range' });
		expect(bad({ value: '1000.5' })).toEqual({ value: 'error_fact_population_range' });
		expect(bad({ value: '100000000' })).toBe('ok');
		const share = { figure: 'migrant_background_share' };
		expect(bad({ ...share, value: '100.1' })).toEqual({ value: 'error_fact_share_range' });
		expect(bad({ ...share, value: '23.45' })).toEqual({ value: 'error_fact_share_range' });
		expect(bad({ ...share, value: '0' })).toBe('ok');
		expect(bad({ ...share, value: '100' })).toBe('ok');
		expect(bad({ figure: 'area' })).toEqual({ figure: 'error_fact_figure_required' });
		expect(bad({ year: '1899' })).toEqual({ year: 'error_fact_year_invalid' });
		expect(bad({ year: String(thisYear + 1) })).toEqual({ year: 'error_fact_year_invalid' });
		expect(bad({ year: String(thisYear) })).toBe('ok');
		expect(bad({ year: '20x0' })).toEqual({ year: 'error_fact_year_invalid' });
		expect(bad({ source: 'x'.repeat(501) })).toEqual({ source: 'error_fact_source_too_long' });
		expect(bad({ source: 'x'.repeat(500) })).toBe('ok');
		const several = check({ figure: 'population', value: '0', year: '1850', source: '' });
		expect(Object.keys(several.ok ? {} : inFormOrder(several.errors))).toEqual([
			'value',
			'year',
			'source'
		]);
	});
});

describe.each(engines())('city facts on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });

	async function city(slug: string) {
		return (await cities.bySlug(null, slug))!;
	}

	it("the content's figures are the first facts, once", async () => {
		const dus = await city('dusseldorf');
		const facts = await cities.facts(null, dus.id);
		expect(facts.current.migrant_background_share).toMatchObject({ value: 42, year: null });
		expect(facts.current.foreign_nationals_share).toMatchObject({ value: 24, year: null });
		expect(facts.current.migrant_background_share!.source).toContain('Fourty-two%');
		expect(facts.current.population).toBeNull();
		await seedContent(db());
		expect((await cities.facts(null, dus.id)).history).toHaveLength(2);
	});

	it('a new value becomes current, the older one stays as history, and it is audited', async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const lublin = await city('lublin');
		expect(lublin.population).toBe(347678);

		const fact = await cities.recordFact(coordinator, lublin.id, population(339784, 2023));
		const facts = await cities.facts(null, lublin.id);
		expect(facts.current.population).toMatchObject({
			value: 339784,
			year: 2023,
			source: 'Statistics Poland',
			recordedBy: coordinator.name
		});
		expect(facts.history.filter((f) => f.figure === 'population').map((f) => f.value)).toEqual([
			339784, 347678
		]);
		expect(await city('lublin')).toMatchObject({ population: 339784, populationYear: 2023 });

		const [entry] = await db()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'city.fact.record'), eq(auditLog.entityId, fact.id)));
		expect(entry).toMatchObject({ actorUserId: coordinator.userId, cityId: lublin.id });
		expect(entry!.before).toMatchObject({ population: 347678 });
		expect(entry!.after).toMatchObject({
			fact: { figure: 'population', value: 339784, year: 2023 },
			current: { population: 339784, populationYear: 2023 }
		});
	});

	it('the current value is the latest by year, then the latest recorded', async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const lublin = await city('lublin');
		// (After the test above: 339,784 in 2023 is current.) Older years do not replace it.
		await cities.recordFact(coordinator, lublin.id, population(340000, 2022));
		await cities.recordFact(coordinator, lublin.id, population(338000, 2020));
		expect((await cities.facts(null, lublin.id)).current.population!.value).toBe(339784);
		expect((await city('lublin')).population).toBe(339784);
		// The same year again: the later record corrects the earlier one.
		await cities.recordFact(coordinator, lublin.id, population(339800, 2023, 'Corrected'));
		const facts = await cities.facts(null, lublin.id);
		expect(facts.current.population).toMatchObject({ value: 339800, source: 'Corrected' });
		expect(
			facts.history.filter((f) => f.figure === 'population').map((f) => [f.value, f.year])
		).toEqual([
			[339800, 2023],
			[339784, 2023],
			[340000, 2022],
			[338000, 2020],
			[347678, null]
		]);
		expect((await city('lublin')).population).toBe(339800);
	});

	it('a share updates its own figure only, and the peer group follows', async () => {
		const admin = await actorByEmail('admin@example.org');
		const tampere = await city('tampere');
		await cities.recordFact(admin, tampere.id, {
			figure: 'foreign_nationals_share',
			value: 7.5,
			year: 2024,
			source: 'Statistics Finland'
		});
		expect(await city('tampere')).toMatchObject({
			population: 215000,
			foreignNationalsShare: 7.5,
			migrantBackgroundShare: null
		});
	});

	it("another city's coordinator gets 404; contributors and stakeholders are refused", async () => {
		const lublin = await city('lublin');
		const before = await db().select().from(cityFact).where(eq(cityFact.cityId, lublin.id));
		const attempt = async (email: string | null) =>
			statusOf(
				cities.recordFact(email ? await actorByEmail(email) : null, lublin.id, population(1, 2020))
			);
		expect(await attempt('coordinator.tampere@example.org')).toBe(404);
		expect(await attempt('contributor.lublin@example.org')).toBe(404);
		expect(await attempt('ngo.lublin@example.org')).toBe(404);
		expect(await attempt(null)).toBe(401);
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		expect(await statusOf(cities.recordFact(coordinator, 'not-a-uuid', population(1, 2020)))).toBe(
			404
		);
		expect(
			await statusOf(
				cities.recordFact(coordinator, '00000000-0000-4000-8000-000000000000', population(1, 2020))
			)
		).toBe(404);
		const after = await db().select().from(cityFact).where(eq(cityFact.cityId, lublin.id));
		expect(after).toHaveLength(before.length);
	});

	it('a city created with a population has it as its first recorded value', async () => {
		const admin = await actorByEmail('admin@example.org');
		const c = await cities.create(admin, {
			name: 'Gdańsk',
			country: 'PL',
			population: 486022,
			latitude: null,
			longitude: null
		});
		const facts = await cities.facts(null, c.id);
		expect(facts.current.population).toMatchObject({ value: 486022, year: null, source: '' });
		expect(facts.history).toHaveLength(1);
	});

	it('similar cities follow the one definition, with the reasons', async () => {
		const lublin = await city('lublin');
		const similar = await cities.similarTo(null, lublin.id);
		expect(similar.length).toBeLessThanOrEqual(5);
		expect(similar.map((s) => s.slug)).not.toContain('lublin');
		for (const s of similar) expect(s.likeness.score).toBeGreaterThan(0);
		const scores = similar.map((s) => s.likeness.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
	});
});
