import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { emptyFilters, type Facet, type SearchState } from '#lib/practice-search.ts';
import * as practices from './service.ts';
import * as cities from '../cities/service.ts';
import { city } from '../cities/schema.ts';
import { checkPractice } from './forms.ts';
import { parseSearch } from './search-params.ts';

const SEEDED = 43;

function state(
	change: Partial<Omit<SearchState, 'filters'>> & {
		filters?: Partial<Record<Facet, string[]>>;
	} = {}
): SearchState {
	return {
		q: change.q ?? '',
		filters: { ...emptyFilters(), ...change.filters },
		sort: change.sort ?? null,
		page: change.page ?? 1
	};
}

describe('search parameters', () => {
	it('reads a shared URL, and leaves out and reports what it cannot understand', () => {
		const ok = parseSearch(
			new URLSearchParams(
				'q=language+cafe&theme=x&kf=a/b&country=PL&period=2010&sort=newest&page=2'
			)
		);
		expect(ok.issues).toEqual([]);
		expect(ok.state).toEqual(
			state({
				q: 'language cafe',
				filters: { theme: ['x'], keyFactor: ['a/b'], country: ['PL'], period: ['2010'] },
				sort: 'newest',
				page: 2
			})
		);
		const bad = parseSearch(
			new URLSearchParams(
				`q=${'x'.repeat(201)}&theme=<script>&theme=ok&country=poland&period=2015&sort=best&page=-1`
			)
		);
		expect(bad.issues.map((i) => [i.param, i.message])).toEqual([
			['q', 'error_practices_query_long'],
			['theme', 'error_practices_filter_invalid'],
			['country', 'error_practices_filter_invalid'],
			['period', 'error_practices_filter_invalid'],
			['sort', 'error_practices_sort_invalid'],
			['page', 'error_practices_page_invalid']
		]);
		// The well-formed values stay; the rest is left out.
		expect(bad.state).toEqual(state({ filters: { theme: ['ok'] } }));
		const many = parseSearch(
			new URLSearchParams(Array.from({ length: 11 }, (_, i) => ['city', `c${i}`]))
		);
		expect(many.issues).toEqual([{ param: 'city', message: 'error_practices_filter_many' }]);
		expect(many.state.filters.city).toHaveLength(10);
	});
});

describe.each(engines())('searching the practice library on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });
	const who = (email: string) => actorByEmail(email);

	async function publish(fields: Record<string, string | string[]>) {
		const coordinator = await who('coordinator.lublin@example.org');
		const admin = await who('admin@example.org');
		const lublin = (await cities.bySlug(null, 'lublin'))!.id;
		const checked = checkPractice({ summary: 'A summary.', ...fields });
		if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
		const p = await practices.create(coordinator, lublin, checked.data);
		await practices.submit(coordinator, lublin, p.id);
		await practices.review(admin, p.id, 'publish', '');
		return p.slug;
	}

	it('counts every facet value among the matches, and each value narrows to its count', async () => {
		const all = await practices.search(null, state());
		expect(all.total).toBe(SEEDED);
		expect(all.sort).toBe('newest');
		// Every one of the toolkit's 27 examples is linked to its key factor.
		const kfTotal = all.facets.keyFactor.reduce((n, v) => n + v.count, 0);
		expect(kfTotal).toBeGreaterThanOrEqual(27);
		for (const facet of ['theme', 'keyFactor', 'country', 'period'] as const) {
			const value = all.facets[facet][0]!;
			expect(value.label).toBeTruthy();
			const narrowed = await practices.search(null, state({ filters: { [facet]: [value.value] } }));
			expect([facet, narrowed.total]).toEqual([facet, value.count]);
			expect(narrowed.facets[facet].find((v) => v.value === value.value)?.selected).toBe(true);
		}
		// Practices with a city in Poland (a practice of Tampere and Lublin counts for Finland too).
		const poland = await practices.search(null, state({ filters: { country: ['PL'] } }));
		expect(poland.facets.country.find((c) => c.value === 'PL')?.count).toBe(poland.total);
		expect(poland.facets.city[0]).toMatchObject({ value: 'lublin', label: 'Lublin' });
		// Two facets at once: both must hold.
		const both = await practices.search(
			null,
			state({ filters: { country: ['PL'], city: ['tampere'] } })
		);
		expect(
			both.items.every((i) => i.cities.includes('Tampere') && i.cities.includes('Lublin'))
		).toBe(true);
		expect(both.total).toBeGreaterThan(0);
		// A value no practice has: nothing found, and the choice still shows so it can be removed.
		const none = await practices.search(null, state({ filters: { theme: ['no-such-theme'] } }));
		expect(none.total).toBe(0);
		expect(none.facets.theme).toEqual([
			{ value: 'no-such-theme', label: 'no-such-theme', count: 0, selected: true }
		]);
	});

	it('files a period under every decade it touches', async () => {
		const slug = await publish({ title: 'Long programme', periodFrom: '2015', periodTo: '2022' });
		for (const period of ['2010', '2020']) {
			const found = await practices.search(null, state({ filters: { period: [period] } }));
			expect(found.items.map((i) => i.slug)).toContain(slug);
		}
		const nineties = await practices.search(null, state({ filters: { period: ['1990'] } }));
		expect(nineties.items.map((i) => i.slug)).not.toContain(slug);
	});

	it('stems words in the practice’s own language', async () => {
		const german = await publish({
			title: 'Beratungsstellen für Neuzugewanderte',
			summary: 'Die Stadt öffnet Beratungsstellen in allen Bezirken.',
			language: 'de'
		});
		const french = await publish({
			title: 'Cours de langue pour les femmes',
			summary: 'Des cours gratuits pour les nouvelles arrivantes.',
			language: 'fr'
		});
		const slugs = async (q: string) =>
			(await practices.search(null, state({ q }))).items.map((i) => i.slug);
		// German: the singular finds the plural (only the German stemmer knows them the same).
		expect(await slugs('Beratungsstelle')).toEqual([german]);
		expect(await slugs('beratungsstelle bezirk')).toEqual([german]);
		// French: "gratuit" finds "gratuits", "arrivante" finds "arrivantes".
		expect(await slugs('gratuit arrivante')).toEqual([french]);
	});

	it('sorts by relevance with words (title first) or by newest', async () => {
		const inText = await publish({
			title: 'Neighbourhood walks',
			summary: 'Residents meet on walks; the zeppelin museum is one stop.'
		});
		const inTitle = await publish({
			title: 'Zeppelin welcome days',
			summary: 'Days for newcomers.'
		});
		const relevance = await practices.search(null, state({ q: 'zeppelin' }));
		expect(relevance.sort).toBe('relevance');
		expect(relevance.items.map((i) => i.slug)).toEqual([inTitle, inText]);
		const newest = await practices.search(null, state({ q: 'zeppelin', sort: 'newest' }));
		expect(newest.items.map((i) => i.slug)).toEqual([inTitle, inText]);
		// Newest first: publish the older-titled one again later and the order turns.
		const bySort = await practices.search(null, state({ sort: 'newest' }));
		expect(bySort.items[0]?.slug).toBe(inTitle);
	});

	it('finds a renamed city under its new name', async () => {
		const slug = await publish({ title: 'Night school', cities: ['tampere'] });
		await db().update(city).set({ name: 'Tammerfors' }).where(eq(city.slug, 'tampere'));
		const found = await practices.search(null, state({ q: 'tammerfors' }));
		expect(found.items.map((i) => i.slug)).toContain(slug);
		expect(found.items.find((i) => i.slug === slug)?.cities).toContain('Tammerfors');
	});

	it('leaves out what is not published', async () => {
		const coordinator = await who('coordinator.lublin@example.org');
		const lublin = (await cities.bySlug(null, 'lublin'))!.id;
		const checked = checkPractice({ title: 'Quokka draft', summary: 'Not yet.' });
		if (!checked.ok) throw new Error('invalid');
		const p = await practices.create(coordinator, lublin, checked.data);
		await practices.submit(coordinator, lublin, p.id);
		const found = await practices.search(null, state({ q: 'quokka' }));
		expect(found.total).toBe(0);
		expect(found.facets.city).toEqual([]);
	});
});
