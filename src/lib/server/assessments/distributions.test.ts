import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { isHttpError } from '@sveltejs/kit';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import type { Actor } from '../access/index.ts';
import * as benchmarkQueries from '../benchmarks/queries.ts';
import * as cityQueries from '../cities/queries.ts';
import * as schema from '../db/schema.ts';
import { seedDemo } from '../content/demo.ts';
import {
	demoAssessments,
	generatedResponses,
	seedDemoAssessments
} from '../content/demo-assessments.ts';
import * as queries from './queries.ts';
import * as service from './service.ts';
import { report } from './report.ts';
import { publishedReport } from './http.ts';
import {
	MIN_CITIES,
	cityPosition,
	networkDistribution,
	positionForReport,
	positionIn
} from './distributions.ts';
import { possibleMentors } from './mentors.ts';

const BENCHMARK = 'enhancing-public-perception';
const KF = 'public-commitment';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

const admin: Actor = {
	userId: 'test-admin',
	name: 'Admin',
	email: 'admin@test',
	emailVerified: true,
	memberships: [{ cityId: null, role: 'network_admin' }]
};

function coordinatorOf(cityId: string): Actor {
	return {
		userId: `test-coordinator-${cityId}`,
		name: 'Coordinator',
		email: 'coordinator@test',
		emailVerified: true,
		memberships: [{ cityId, role: 'city_coordinator' }]
	};
}

describe('positions among quartiles', () => {
	const figures = { count: 5, min: 0, q1: 25, median: 50, q3: 75, max: 100 };
	it('counts a score on a boundary in the part above it', () => {
		expect(positionIn(0, figures)).toBe('below_q1');
		expect(positionIn(24.9, figures)).toBe('below_q1');
		expect(positionIn(25, figures)).toBe('q1_median');
		expect(positionIn(50, figures)).toBe('median_q3');
		expect(positionIn(75, figures)).toBe('median_q3');
		expect(positionIn(75.1, figures)).toBe('above_q3');
	});

	it('puts a city tied with all others at the top in the upper half', () => {
		const tied = { count: 3, min: 100, q1: 100, median: 100, q3: 100, max: 100 };
		expect(positionIn(100, tied)).toBe('median_q3');
	});
});

describe('generated demo ratings', () => {
	it('are the same on every run, and differ between cities', () => {
		const shape = [
			{ slug: 'a', questions: 6 },
			{ slug: 'b', questions: 4 }
		];
		const once = generatedResponses('seed', 'aarhus', shape);
		expect(generatedResponses('seed', 'aarhus', shape)).toEqual(once);
		expect(generatedResponses('seed', 'ghent', shape)).not.toEqual(once);
		expect(once.get('a')).toHaveLength(6);
		for (const r of [...once.values()].flat()) {
			expect([0, 1, 2, 3, 4, 'dont_know']).toContain(r);
		}
	});
});

describe.each(engines())('distributions on %s', (engine) => {
	const db = useTestDatabase(engine);

	const ids: Record<string, string> = {};
	const assessmentIds: Record<string, string> = {};

	/** A city of the test, and a submitted assessment with the given ratings. */
	async function assess(
		name: string,
		cycle: string,
		set: {
			visibility: 'private' | 'network' | 'public';
			status?: 'in_progress' | 'submitted';
			ratings: Record<string, (number | 'dont_know')[]>;
			submittedAt?: string;
		}
	) {
		const d = db();
		const b = (await benchmarkQueries.listVersionRows(d, BENCHMARK)).find((v) => v.isCurrent)!;
		const kfs = await benchmarkQueries.listKeyFactors(d, b.id);
		const qs = await benchmarkQueries.listGuideQuestions(
			d,
			kfs.map((k) => k.id)
		);
		const submitted = (set.status ?? 'submitted') === 'submitted';
		const a = await queries.insertAssessment(d, {
			cityId: ids[name]!,
			benchmarkId: b.id,
			benchmarkSlug: b.slug,
			cycle,
			status: set.status ?? 'submitted',
			visibility: set.visibility,
			submittedAt: submitted ? new Date(set.submittedAt ?? `${cycle}-06-01T12:00:00Z`) : null
		});
		for (const [slug, ratings] of Object.entries(set.ratings)) {
			const kf = kfs.find((k) => k.slug === slug)!;
			const questions = qs.filter((q) => q.keyFactorId === kf.id);
			for (const [i, r] of ratings.entries()) {
				await queries.insertAnswer(d, {
					assessmentId: a.id,
					guideQuestionId: questions[i]!.id,
					respondentId: null,
					kind: r === 'dont_know' ? 'dont_know' : 'rated',
					rating: r === 'dont_know' ? null : r,
					evidence: '',
					links: [],
					updatedBy: null
				});
			}
		}
		assessmentIds[`${name} ${cycle}`] = a.id;
		return a.id;
	}

	const five = (r: number) => [r, r, r, r, r];

	it('sets up a small network with known scores', async () => {
		const d = db();
		const net = (await cityQueries.findNetwork(d))!;
		const cities = [
			// name, country, population, migrant-background share
			['Alpha', 'DE', 100_000, 5],
			['Beta', 'PL', 120_000, 8],
			['Gamma', 'FR', 200_000, 7],
			['Delta', 'PL', 300_000, 15],
			['Epsilon', 'IT', 400_000, 12],
			['Zeta', 'ES', 150_000, 6],
			['Eta', 'ES', 160_000, 6],
			['Theta', 'NL', null, null]
		] as const;
		for (const [name, country, population, share] of cities) {
			const c = await cityQueries.insertCity(d, {
				networkId: net.id,
				slug: `test-${name.toLowerCase()}`,
				name,
				country,
				population,
				migrantBackgroundShare: share
			});
			ids[name] = c.id;
		}
		// An older shared cycle of Alpha, rated low: only the latest shared one counts.
		await assess('Alpha', '2013', { visibility: 'network', ratings: { [KF]: five(0) } });
		await assess('Alpha', '2014', { visibility: 'public', ratings: { [KF]: five(4) } });
		await assess('Beta', '2014', { visibility: 'network', ratings: { [KF]: five(3) } });
		// A "Don't know" is left out of the score, as in the report.
		await assess('Gamma', '2014', {
			visibility: 'network',
			ratings: { [KF]: [2, 2, 2, 2, 'dont_know'] }
		});
		await assess('Delta', '2014', {
			visibility: 'public',
			ratings: { [KF]: five(1), 'planning-and-strategy': [4, 4, 4, 4, 4, 4] }
		});
		await assess('Epsilon', '2014', { visibility: 'network', ratings: { [KF]: five(0) } });
		// Private, or not submitted: never counted.
		await assess('Zeta', '2014', { visibility: 'private', ratings: { [KF]: five(4) } });
		await assess('Eta', '2014', {
			visibility: 'network',
			status: 'in_progress',
			ratings: { [KF]: five(4) }
		});
		// Theta's newest cycle is private; its latest shared one counts.
		await assess('Theta', '2013', {
			visibility: 'network',
			ratings: { 'planning-and-strategy': [2, 2, 2, 2, 2, 2] }
		});
		await assess('Theta', '2014', {
			visibility: 'private',
			ratings: { 'planning-and-strategy': [0, 0, 0, 0, 0, 0] }
		});
	});

	it('is for network admins only', async () => {
		expect(await statusOf(networkDistribution(null, BENCHMARK))).toBe(401);
		expect(await statusOf(networkDistribution(coordinatorOf(ids.Delta!), BENCHMARK))).toBe(403);
		expect(await statusOf(networkDistribution(admin, 'no-such-benchmark'))).toBe(404);
	});

	it('gives count, minimum, quartiles, median and maximum over the latest shared assessments', async () => {
		const dist = await networkDistribution(admin, BENCHMARK);
		expect(dist.cities).toBe(6); // Alpha, Beta, Gamma, Delta, Epsilon, Theta
		const kf = dist.keyFactors.find((k) => k.slug === KF)!;
		// Scores 100, 75, 50, 25, 0 (Zeta private, Eta a draft, Alpha's 2013 superseded).
		expect(kf.figures).toEqual({ count: 5, min: 0, q1: 25, median: 50, q3: 75, max: 100 });
		const planning = dist.keyFactors.find((k) => k.slug === 'planning-and-strategy')!;
		// Delta 100 and Theta's shared 2013 at 50 (not its private 2014 at 0).
		expect(planning.figures).toEqual({
			count: 2,
			min: 50,
			q1: 62.5,
			median: 75,
			q3: 87.5,
			max: 100
		});
		expect(dist.keyFactors.find((k) => k.slug === 'staff-development')!.figures).toBeNull();
		expect(dist.keyFactors).toHaveLength(11);
	});

	it('gives the figures within a peer group, and lists the groups present', async () => {
		const small = { population: 'lt-250k', migrantShare: 'lt-10' } as const;
		const dist = await networkDistribution(admin, BENCHMARK, small);
		expect(dist.cities).toBe(3);
		// Alpha 100, Beta 75, Gamma 50.
		expect(dist.keyFactors.find((k) => k.slug === KF)!.figures).toEqual({
			count: 3,
			min: 50,
			q1: 62.5,
			median: 75,
			q3: 87.5,
			max: 100
		});
		expect(dist.peerGroups.map((g) => [g.key, g.cities])).toEqual([
			['lt-250k_lt-10', 3],
			['250k-500k_10-20', 2],
			['unknown_unknown', 1]
		]);
		const empty = await networkDistribution(admin, BENCHMARK, {
			population: '1m-plus',
			migrantShare: '30-plus'
		});
		expect(empty.cities).toBe(0);
		expect(empty.keyFactors.every((k) => k.figures === null)).toBe(true);
	});

	it('shows a city where it stands, naming only cities whose assessment its reader may read', async () => {
		const delta = assessmentIds['Delta 2014']!;
		const mine = await cityPosition(coordinatorOf(ids.Delta!), delta);
		expect(mine.counted).toBe(true);
		expect(mine.peerGroup).toEqual({ population: '250k-500k', migrantShare: '10-20' });
		const kf = mine.keyFactors.find((k) => k.slug === KF)!;
		expect(kf.score).toBe(25);
		expect(kf.overall.figures).toMatchObject({ count: 5, q1: 25, median: 50 });
		expect(kf.overall.position).toBe('q1_median');
		// Above Delta: Alpha (published) by name; Beta and Gamma (network only) as a number.
		expect(kf.overall.above).toEqual({
			named: [{ name: 'Alpha', slug: 'test-alpha', score: 100 }],
			moreNamed: 0,
			unnamed: 2
		});
		// Delta's peer group has 2 cities: too few to show a city the figures.
		expect(MIN_CITIES).toBeGreaterThan(2);
		expect(kf.peers).toMatchObject({ count: 2, figures: null, position: null });
		expect(kf.peers.above).toEqual({ named: [], moreNamed: 0, unnamed: 0 });

		// A network admin may read every shared assessment: all are named, all figures shown.
		const asAdmin = (await cityPosition(admin, delta)).keyFactors.find((k) => k.slug === KF)!;
		expect(asAdmin.overall.above.named.map((c) => c.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
		expect(asAdmin.overall.above.unnamed).toBe(0);
		expect(asAdmin.peers.figures).toMatchObject({ count: 2, min: 0, max: 25 });
		expect(asAdmin.peers.position).toBe('above_q3');

		// Delta published: anyone may see its standing, and names only what is published.
		const anyone = (await cityPosition(null, delta)).keyFactors.find((k) => k.slug === KF)!;
		expect(anyone.overall.above).toEqual(kf.overall.above);
	});

	it('never counts a private assessment, yet shows its own city where it stands', async () => {
		const zeta = assessmentIds['Zeta 2014']!;
		const own = await cityPosition(coordinatorOf(ids.Zeta!), zeta);
		expect(own.counted).toBe(false);
		const kf = own.keyFactors.find((k) => k.slug === KF)!;
		expect(kf).toMatchObject({ score: 100, meetsStandard: true });
		expect(kf.overall.figures?.count).toBe(5);
		expect(kf.overall.position).toBe('above_q3');
		// Nobody else may read it, not even a network admin, and its id reveals nothing.
		expect(await statusOf(cityPosition(coordinatorOf(ids.Delta!), zeta))).toBe(404);
		expect(await statusOf(cityPosition(admin, zeta))).toBe(404);
		expect(await statusOf(cityPosition(null, zeta))).toBe(401);
		expect(await statusOf(cityPosition(admin, 'not-a-uuid'))).toBe(404);
	});

	it('counts an assessment from the moment it is shared, and no longer once unshared', async () => {
		const zeta = assessmentIds['Zeta 2014']!;
		const figures = async () =>
			(await networkDistribution(admin, BENCHMARK)).keyFactors.find((k) => k.slug === KF)!.figures;
		expect((await figures())?.count).toBe(5);
		await queries.updateAssessment(db(), zeta, { visibility: 'network' });
		expect(await figures()).toMatchObject({ count: 6, max: 100 });
		await queries.updateAssessment(db(), zeta, { visibility: 'private' });
		expect((await figures())?.count).toBe(5);
	});

	it("follows a city's changed facts into another peer group, however they were written", async () => {
		const groups = async () =>
			(await networkDistribution(admin, BENCHMARK)).peerGroups.map((g) => [g.key, g.cities]);
		expect(await groups()).toContainEqual(['unknown_unknown', 1]);
		// Theta's population and migrant share become known, by a plain UPDATE (as another
		// process, a script or a later issue's form would write them).
		await db()
			.update(schema.city)
			.set({ population: 180_000, migrantBackgroundShare: 9 })
			.where(eq(schema.city.id, ids.Theta!));
		expect(await groups()).toEqual([
			['lt-250k_lt-10', 4],
			['250k-500k_10-20', 2]
		]);
		await db()
			.update(schema.city)
			.set({ population: null, migrantBackgroundShare: null })
			.where(eq(schema.city.id, ids.Theta!));
		expect(await groups()).toContainEqual(['unknown_unknown', 1]);
	});

	it('suggests mentors among cities that shared and meet the standard, similar cities first', async () => {
		const delta = assessmentIds['Delta 2014']!;
		// Alpha (100, DE) and Beta (75, PL) meet the standard; Beta shares Delta's country.
		const forAdmin = await possibleMentors(admin, delta, KF);
		expect(forAdmin.mentors.map((m) => [m.name, m.score, m.likeness.country])).toEqual([
			['Beta', 75, true],
			['Alpha', 100, false]
		]);
		expect(forAdmin.unnamed).toBe(0);
		// Delta's own readers see Beta (shared with the network only) as a number.
		const forCity = await possibleMentors(coordinatorOf(ids.Delta!), delta, KF);
		expect(forCity.mentors.map((m) => m.name)).toEqual(['Alpha']);
		expect(forCity.unnamed).toBe(1);
		expect(await statusOf(possibleMentors(admin, delta, 'no-such-key-factor'))).toBe(404);
		// A city is never its own mentor.
		const alpha = await possibleMentors(admin, assessmentIds['Alpha 2014']!, KF);
		expect(alpha.mentors.map((m) => m.name)).toEqual(['Beta']);
	});

	it('gives the report whole percentages and mentors for its weak key factors', async () => {
		const r = await positionForReport(coordinatorOf(ids.Gamma!), assessmentIds['Gamma 2014']!);
		const kf = r.keyFactors.find((k) => k.slug === KF)!;
		expect(kf.score).toBe(50);
		expect(kf.overall.figures).toEqual({ count: 5, min: 0, q1: 25, median: 50, q3: 75, max: 100 });
		expect(r.mentors.map((m) => m.slug)).toEqual([KF]);
		expect(r.mentors[0]!.mentors.map((m) => m.name)).toEqual(['Alpha']);
		expect(r.mentors[0]!.unnamed).toBe(1);
	});
});

describe.each(engines())('demo assessments on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });

	async function counts() {
		const d = db();
		const [a] = await d.select({ n: count() }).from(schema.assessment);
		const [x] = await d.select({ n: count() }).from(schema.answer);
		const [n] = await d.select({ n: count() }).from(schema.contextNote);
		return { assessments: a!.n, answers: x!.n, notes: n!.n };
	}

	it('are not seeded with the demo accounts unless asked for', async () => {
		expect((await counts()).assessments).toBe(0);
	});

	it('are seeded once: a second run adds nothing', async () => {
		const file = demoAssessments();
		await seedDemo(db(), { assessments: true });
		const first = await counts();
		expect(first.assessments).toBe(file.assessments.length + file.generated.cities.length);
		expect(first.assessments).toBeGreaterThanOrEqual(14);
		expect(first.answers).toBe(first.assessments * 72);
		await seedDemo(db(), { assessments: true });
		expect(await seedDemoAssessments(db())).toEqual({ added: [], skipped: [] });
		expect(await counts()).toEqual(first);
		const rows = await db().select().from(schema.assessment);
		expect(rows.every((a) => a.isDemo && a.status === 'submitted')).toBe(true);
	});

	it("publishes Lublin's assessment on Lublin's public page; Tampere's is shared with the network", async () => {
		const lublin = (await cityQueries.findCityBySlug(db(), 'lublin'))!;
		const tampere = (await cityQueries.findCityBySlug(db(), 'tampere'))!;
		const published = await service.publishedOfCity(null, lublin.id);
		expect(published).toHaveLength(1);
		expect(published[0]).toMatchObject({ cycle: '2014', isDemo: true });
		const r = await publishedReport(null, 'lublin', published[0]!.id);
		expect(r.assessment).toMatchObject({ visibility: 'public', isDemo: true });
		// What the sources say Lublin had done is rated; what they say nothing on is "Don't know".
		const commitment = r.keyFactors.find((k) => k.slug === KF)!;
		expect(commitment.answers[0]).toMatchObject({ kind: 'rated', rating: 3 });
		expect(commitment.answers[0]!.evidence).toContain('Lublin for All');
		expect(commitment.dontKnow).toHaveLength(4);
		expect(r.contextFactors.find((c) => c.title === 'City resources')?.limit).toBe('strongly');

		expect(await service.publishedOfCity(null, tampere.id)).toEqual([]);
		const [t] = await service.listOfCity(coordinatorOf(tampere.id), tampere.id);
		expect(t).toMatchObject({ visibility: 'network', status: 'submitted', isDemo: true });
	});

	it("scores each city's latest published assessment for the cities' map, as its report does", async () => {
		const lublin = (await cityQueries.findCityBySlug(db(), 'lublin'))!;
		const tampere = (await cityQueries.findCityBySlug(db(), 'tampere'))!;
		const scores = await service.latestPublishedScores(null);
		const [published] = await service.publishedOfCity(null, lublin.id);
		const r = await publishedReport(null, 'lublin', published!.id);
		expect(r.summary.score).not.toBeNull();
		expect(scores.get(lublin.id)).toBe(r.summary.score);
		// Shared with the network only: not on the public map.
		expect(scores.has(tampere.id)).toBe(false);
	});

	it('gives the generated cities their label as evidence', async () => {
		const file = demoAssessments();
		const rows = await db()
			.select({ evidence: schema.answer.evidence })
			.from(schema.answer)
			.innerJoin(schema.assessment, eq(schema.assessment.id, schema.answer.assessmentId))
			.innerJoin(schema.city, eq(schema.city.id, schema.assessment.cityId))
			.where(eq(schema.city.slug, file.generated.cities[0]!));
		expect(rows).toHaveLength(72);
		expect(rows.every((r) => r.evidence === 'Demo data: generated, not from a real city.')).toBe(
			true
		);
	});

	it('quote the source documents word for word', () => {
		const seeds = join(process.cwd(), '..', 'shared', 'seeds');
		if (!existsSync(seeds)) return;
		const text = readdirSync(seeds)
			.filter((f) => f.endsWith('.txt'))
			.map((f) => readFileSync(join(seeds, f), 'utf8'))
			.join(' ')
			.replace(/\*\*/g, '')
			.replace(/\s+/g, ' ')
			.toLowerCase();
		const file = demoAssessments();
		const texts = file.assessments.flatMap((a) => [
			...Object.values(a.answers).flatMap((list) => list.map((x) => x.evidence)),
			...a.contextNotes.map((n) => n.why)
		]);
		const quotes = texts.flatMap((t) => [...t.matchAll(/“([^”]*)”/g)].map((m) => m[1]!));
		expect(quotes.length).toBeGreaterThan(30);
		for (const q of quotes) expect(text).toContain(q.replace(/\.$/, '').toLowerCase());
	});

	it('give the network distributions data, with the same scores as the report', async () => {
		const dist = await networkDistribution(admin, BENCHMARK);
		expect(dist.cities).toBe(14);
		expect(dist.keyFactors.find((k) => k.slug === KF)!.figures!.count).toBe(14);

		const lublin = (await cityQueries.findCityBySlug(db(), 'lublin'))!;
		const [a] = await service.publishedOfCity(null, lublin.id);
		const me = await actorByEmail('coordinator.lublin@example.org');
		const [position, r] = await Promise.all([positionForReport(me, a!.id), report(me, a!.id)]);
		expect(position.keyFactors.map((k) => k.score)).toEqual(r.keyFactors.map((k) => k.score));
		expect(position.counted).toBe(true);
		// Mentors for Lublin's weakest key factors; Tampere shared with the network only, so
		// Lublin sees it as a number and the network admin by name.
		expect(position.mentors.length).toBeGreaterThan(0);
		const all = position.mentors.flatMap((m) => m.mentors.map((x) => x.slug));
		expect(all).not.toContain('tampere');
		expect(all).not.toContain('lublin');
		const coordination = await possibleMentors(
			admin,
			a!.id,
			'engagement-of-non-governmental-stakeholders'
		);
		expect(coordination.mentors.map((m) => m.slug)).toContain('tampere');
	});
});
