// The self-assessment endpoints' real answers, from their route handlers over a seeded
// database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), as api.test.ts does for the
// rest of the API: every body must match the OpenAPI document for its path and status, its
// cache policy must be the documented one, and who may read what follows the access rules —
// the city's coordinator and contributors; network admins once shared; everyone once published.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '#lib/server/testing/database.ts';
import * as cities from '#lib/server/cities/service.ts';
import * as assessments from '#lib/server/assessments/service.ts';
import * as answers from '#lib/server/assessments/answers.ts';
import { report } from '#lib/server/assessments/report.ts';
import { openapi } from '#lib/server/api/openapi.ts';
import {
	apiCaller,
	signInDemoActors,
	type ApiPath,
	type DemoActors,
	type Json
} from '#lib/server/api/testing.ts';
import * as benchmarkOne from './benchmarks/[slug]/+server.ts';
import * as cityAssessments from './cities/[cityId]/assessments/+server.ts';
import * as assessmentOne from './assessments/[assessmentId]/+server.ts';
import * as assessmentReport from './assessments/[assessmentId]/report/+server.ts';

interface Answer {
	position: number;
	question: string;
	kind: string | null;
	rating: number | null;
	evidence: string;
	links: string[];
}
interface KeyFactor {
	number: number;
	slug: string;
	answers: Answer[];
}
interface ReportKeyFactor extends KeyFactor {
	score: number | null;
	meetsStandard: boolean | null;
	change: number | null;
	belowInPlace: number[];
	dontKnow: number[];
	notApplicable: number[];
	unanswered: number[];
}

const BENCHMARK = 'enhancing-public-perception';
const NOT_FOUND = { error: { status: 404, message: 'Not found' } };
const PUBLIC = 'public, max-age=300';
const PRIVATE = 'private, no-store';
const LIST = '/cities/{cityId}/assessments';
const ONE = '/assessments/{assessmentId}';
const REPORT = '/assessments/{assessmentId}/report';
/** Ids that are neither an assessment's nor a city's: never in these answers. */
const INTERNAL_KEYS =
	/"(userId|createdBy|submittedBy|updatedBy|questionId|guideQuestionId|contextFactorId|respondentId|previousId|revision|canManage|canAnswer)"\s*:/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

// `seen`: which documented responses the tests below have seen, to check that none is left out.
const { call, seen } = apiCaller(openapi);

/** The operations this file answers for; api.test.ts checks the others. */
function ours(path: string) {
	return (openapi.paths[path as ApiPath].get.tags as string[]).includes('Assessments');
}

describe.each(engines())('API v1 assessments on %s', (engine) => {
	useTestDatabase(engine, { demo: true });

	const actors = {} as DemoActors;
	const ids = { lublin: '', tampere: '', first: '', second: '' };
	/** What the document says of the benchmark's guide questions, by key factor. */
	let questions: { slug: string; guideQuestions: { position: number; text: string }[] }[] = [];

	/** The bodies must carry no id but the assessments' and the cities', and no user's. */
	function expectNoInternalIds(body: Json) {
		const text = JSON.stringify(body);
		expect(text).not.toMatch(INTERNAL_KEYS);
		const allowed = new Set([ids.lublin, ids.tampere, ids.first, ids.second]);
		for (const uuid of text.match(UUID) ?? []) expect(allowed, uuid).toContain(uuid);
		for (const actor of Object.values(actors)) expect(text).not.toContain(actor.userId);
	}

	beforeAll(async () => {
		seen.clear();
		Object.assign(actors, await signInDemoActors());
		const [lublin, tampere] = await Promise.all([
			cities.bySlug(null, 'lublin'),
			cities.bySlug(null, 'tampere')
		]);
		ids.lublin = lublin!.id;
		ids.tampere = tampere!.id;
		const benchmark = await call(benchmarkOne.GET, '/benchmarks/{slug}', { slug: BENCHMARK });
		questions = benchmark.body.keyFactors as typeof questions;

		// Two cycles through the service, as the workspace makes them: 2023 answered in part,
		// with its context noted, and submitted; 2024 started from it, one answer raised.
		const me = actors.lublinCoordinator;
		const first = await assessments.start(me, ids.lublin, {
			benchmark: BENCHMARK,
			cycle: '2023',
			prefill: false
		});
		if (!first.ok) throw new Error(first.error);
		ids.first = first.id;
		const view = await assessments.get(me, first.id);
		const [kf1, kf2] = view.keyFactors;
		const answer = (questionId: string, response: '1' | '3' | 'dont_know' | 'not_applicable') => ({
			questionId,
			response,
			evidence: '',
			links: [] as string[],
			revision: 0
		});
		const saved = await answers.saveAnswers(me, first.id, [
			{
				...answer(kf1!.guideQuestions[0]!.id, '1'),
				evidence: 'A campaign is planned for 2024.',
				links: ['https://lublin.eu/en/']
			},
			...kf1!.guideQuestions.slice(1).map((q) => answer(q.id, '3')),
			answer(kf2!.guideQuestions[0]!.id, 'dont_know'),
			answer(kf2!.guideQuestions[1]!.id, 'not_applicable')
		]);
		expect(saved).toEqual({ ok: true, saved: kf1!.guideQuestions.length + 2 });
		await answers.saveContextNotes(me, first.id, [
			{
				contextFactorId: view.contextNotes[0]!.id,
				limit: 'somewhat',
				why: 'National rules on residence.'
			}
		]);
		expect((await assessments.submit(me, first.id)).ok).toBe(true);

		const second = await assessments.start(me, ids.lublin, {
			benchmark: BENCHMARK,
			cycle: '2024',
			prefill: true
		});
		if (!second.ok) throw new Error(second.error);
		ids.second = second.id;
		expect(
			await answers.saveAnswers(me, second.id, [
				{ ...answer(kf1!.guideQuestions[0]!.id, '3'), evidence: 'Done in 2024.', revision: 1 }
			])
		).toEqual({ ok: true, saved: 1 });
		expect((await assessments.submit(me, second.id)).ok).toBe(true);
	});

	describe('GET /cities/{cityId}/assessments', () => {
		it("gives Lublin's coordinator and contributor Lublin's assessments, newest first, privately", async () => {
			for (const actor of [actors.lublinCoordinator, actors.lublinContributor]) {
				const { status, body, cacheControl } = await call(
					cityAssessments.GET,
					LIST,
					{ cityId: ids.lublin },
					{ actor }
				);
				expect(status).toBe(200);
				expect(cacheControl).toBe(PRIVATE);
				expect(body).toMatchObject({
					cityId: ids.lublin,
					assessments: [
						{
							id: ids.second,
							benchmark: {
								slug: BENCHMARK,
								version: 1,
								title: 'Enhancing public perception on migration and diversity'
							},
							cycle: '2024',
							status: 'submitted',
							visibility: 'private',
							isDemo: false
						},
						{ id: ids.first, cycle: '2023', status: 'submitted' }
					]
				});
				expectNoInternalIds(body);
			}
		});

		it('reads an id in capitals as the same city', async () => {
			const { status, body } = await call(
				cityAssessments.GET,
				LIST,
				{ cityId: ids.lublin.toUpperCase() },
				{ actor: actors.lublinCoordinator }
			);
			expect(status).toBe(200);
			expect(body.cityId).toBe(ids.lublin);
		});

		it("answers 404 to another city's coordinator, a stakeholder and a network admin", async () => {
			for (const actor of [actors.tampereCoordinator, actors.lublinNgo, actors.admin]) {
				const { status, body, cacheControl } = await call(
					cityAssessments.GET,
					LIST,
					{ cityId: ids.lublin },
					{ actor }
				);
				expect(status, actor.email).toBe(404);
				expect(body).toEqual(NOT_FOUND);
				expect(cacheControl).toBe(PRIVATE);
			}
			// Tampere's own list is there, and empty.
			const tampere = await call(
				cityAssessments.GET,
				LIST,
				{ cityId: ids.tampere },
				{ actor: actors.tampereCoordinator }
			);
			expect(tampere.body).toEqual({ cityId: ids.tampere, assessments: [] });
		});

		it('answers 404 to an id that names no city, or is no id at all', async () => {
			for (const cityId of [
				'not-a-uuid',
				'00000000-0000-4000-8000-000000000000',
				`${ids.lublin}x`,
				ids.first,
				"' or 1=1 --",
				'x'.repeat(5000)
			]) {
				const { status, body } = await call(
					cityAssessments.GET,
					LIST,
					{ cityId },
					{ actor: actors.lublinCoordinator }
				);
				expect(status, cityId).toBe(404);
				expect(body).toEqual(NOT_FOUND);
			}
		});

		it('answers 401 to anonymous', async () => {
			const { status, body, cacheControl } = await call(cityAssessments.GET, LIST, {
				cityId: ids.lublin
			});
			expect(status).toBe(401);
			expect(body).toEqual({ error: { status: 401, message: expect.any(String) } });
			expect(cacheControl).toBe(PRIVATE);
		});
	});

	describe('GET /assessments/{assessmentId}', () => {
		it("gives Lublin's coordinator the assessment with every answer and context note, privately", async () => {
			const { status, body, cacheControl, cors } = await call(
				assessmentOne.GET,
				ONE,
				{ assessmentId: ids.first },
				{ actor: actors.lublinCoordinator }
			);
			expect(status).toBe(200);
			expect(cacheControl).toBe(PRIVATE);
			expect(cors).toBeNull();
			expect(body).toMatchObject({
				id: ids.first,
				cityId: ids.lublin,
				benchmark: { slug: BENCHMARK, version: 1 },
				cycle: '2023',
				status: 'submitted',
				visibility: 'private',
				isDemo: false,
				submittedAt: expect.any(String)
			});
			// Every guide question, named by its position and text as GET /benchmarks/{slug} has it.
			const keyFactors = body.keyFactors as KeyFactor[];
			expect(keyFactors.map((k) => k.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
			expect(
				keyFactors.map((k) => ({
					slug: k.slug,
					guideQuestions: k.answers.map((a) => ({ position: a.position, text: a.question }))
				}))
			).toEqual(questions.map((k) => ({ slug: k.slug, guideQuestions: k.guideQuestions })));
			expect(keyFactors.reduce((n, k) => n + k.answers.length, 0)).toBe(72);
			const [kf1, kf2, kf3] = keyFactors;
			expect(kf1!.answers[0]).toEqual({
				position: 1,
				question: questions[0]!.guideQuestions[0]!.text,
				kind: 'rated',
				rating: 1,
				evidence: 'A campaign is planned for 2024.',
				links: ['https://lublin.eu/en/']
			});
			expect(kf1!.answers.slice(1).every((a) => a.kind === 'rated' && a.rating === 3)).toBe(true);
			expect(kf2!.answers.slice(0, 2).map((a) => [a.kind, a.rating])).toEqual([
				['dont_know', null],
				['not_applicable', null]
			]);
			expect(kf3!.answers[0]).toMatchObject({ kind: null, rating: null, evidence: '', links: [] });
			const notes = body.contextNotes as { limit: string | null; why: string }[];
			expect(notes).toHaveLength(7);
			expect(notes[0]).toMatchObject({ limit: 'somewhat', why: 'National rules on residence.' });
			expect(notes[1]).toMatchObject({ limit: null, why: '' });
			expectNoInternalIds(body);
		});

		it("gives it to Lublin's contributor too, and reads an id in capitals", async () => {
			const { status, body } = await call(
				assessmentOne.GET,
				ONE,
				{ assessmentId: ids.first.toUpperCase() },
				{ actor: actors.lublinContributor }
			);
			expect(status).toBe(200);
			expect(body.id).toBe(ids.first);
		});

		it("answers 404 to another city's coordinator, a stakeholder, and a network admin while private", async () => {
			for (const actor of [actors.tampereCoordinator, actors.lublinNgo, actors.admin]) {
				const { status, body, cacheControl } = await call(
					assessmentOne.GET,
					ONE,
					{ assessmentId: ids.first },
					{ actor }
				);
				expect(status, actor.email).toBe(404);
				expect(body).toEqual(NOT_FOUND);
				expect(cacheControl).toBe(PRIVATE);
			}
		});

		it('answers 404 to an id that names no assessment, or is no id at all, signed in or not', async () => {
			for (const actor of [actors.lublinCoordinator, null]) {
				for (const assessmentId of [
					'not-a-uuid',
					'00000000-0000-4000-8000-000000000000',
					`${ids.first}x`,
					ids.lublin,
					"' or 1=1 --",
					'x'.repeat(5000)
				]) {
					const { status, body } = await call(assessmentOne.GET, ONE, { assessmentId }, { actor });
					expect(status, assessmentId).toBe(404);
					expect(body).toEqual(NOT_FOUND);
				}
			}
		});

		it('answers 401 to anonymous, with no assessment data', async () => {
			const { status, body, cacheControl } = await call(assessmentOne.GET, ONE, {
				assessmentId: ids.first
			});
			expect(status).toBe(401);
			expect(body).toEqual({ error: { status: 401, message: expect.any(String) } });
			expect(cacheControl).toBe(PRIVATE);
		});
	});

	describe('GET /assessments/{assessmentId}/report', () => {
		it('gives the coordinator the report: how near, what more to do, the change since 2023', async () => {
			const { status, body, cacheControl } = await call(
				assessmentReport.GET,
				REPORT,
				{ assessmentId: ids.second },
				{ actor: actors.lublinCoordinator }
			);
			expect(status).toBe(200);
			expect(cacheControl).toBe(PRIVATE);
			expect(body).toMatchObject({
				assessment: { id: ids.second, cycle: '2024', status: 'submitted', visibility: 'private' },
				city: { id: ids.lublin, slug: 'lublin', name: 'Lublin', country: 'PL' },
				benchmark: { slug: BENCHMARK, version: 1, language: 'en' },
				summary: { score: 75, meeting: 1, judged: 1, total: 11, belowInPlace: 0 }
			});
			expect(body.summary).toMatchObject({ previousCycle: '2023', previousScore: 65 });
			const [kf1, kf2, kf3] = body.keyFactors as ReportKeyFactor[];
			expect(kf1).toMatchObject({
				score: 75,
				meetsStandard: true,
				change: 10,
				belowInPlace: [],
				dontKnow: [],
				notApplicable: []
			});
			expect(kf2).toMatchObject({
				score: null,
				meetsStandard: null,
				change: null,
				dontKnow: [1],
				notApplicable: [2]
			});
			expect(kf2!.unanswered).toEqual(kf2!.answers.slice(2).map((a) => a.position));
			expect(kf3!.unanswered).toEqual(kf3!.answers.map((a) => a.position));
			expectNoInternalIds(body);
		});

		it("lists what more to do as positions of the answers, as the report page does, with the assessment's answers", async () => {
			const me = actors.lublinCoordinator;
			for (const assessmentId of [ids.first, ids.second]) {
				const { body } = await call(assessmentReport.GET, REPORT, { assessmentId }, { actor: me });
				const one = await call(assessmentOne.GET, ONE, { assessmentId }, { actor: me });
				const page = await report(me, assessmentId);
				const keyFactors = body.keyFactors as ReportKeyFactor[];
				keyFactors.forEach((k, i) => {
					const expected = page.keyFactors[i]!;
					expect(k.answers).toEqual((one.body.keyFactors as KeyFactor[])[i]!.answers);
					const text = (positions: number[]) =>
						positions.map((p) => k.answers.find((a) => a.position === p)!.question);
					expect(text(k.belowInPlace)).toEqual(expected.belowInPlace.map((q) => q.text));
					expect(text(k.dontKnow)).toEqual(expected.dontKnow);
					expect(text(k.notApplicable)).toEqual(expected.notApplicable);
					expect(text(k.unanswered)).toEqual(expected.unanswered);
					expect(k.score).toBe(expected.score);
				});
			}
			// 2023: key factor 1 is below the standard for its first question, so it inspires.
			const first = await call(
				assessmentReport.GET,
				REPORT,
				{ assessmentId: ids.first },
				{ actor: me }
			);
			expect((first.body.keyFactors as ReportKeyFactor[])[0]!.belowInPlace).toEqual([1]);
			const inspiration = first.body.inspiration as {
				number: number;
				suggestions: { kind: string; href: string; cities: { slug: string }[] }[];
			}[];
			expect(inspiration.map((k) => k.number)).toEqual([1]);
			// The suggestions the report page shows, in its order, none of Lublin's own: the
			// toolkit's examples of key factor 1 come as the seeded practices that retell them.
			const suggestions = inspiration[0]!.suggestions;
			expect(suggestions).toEqual((await report(me, ids.first)).inspiration[0]!.suggestions);
			expect(suggestions.flatMap((s) => s.cities.map((c) => c.slug))).not.toContain('lublin');
			expect(suggestions).toContainEqual(
				expect.objectContaining({
					kind: 'practice',
					href: '/practices/genoa-diversity-in-heritage-and-history'
				})
			);
			expect(first.body.contextFactors).toContainEqual({
				title: expect.any(String),
				limit: 'somewhat',
				why: 'National rules on residence.'
			});
		});

		it("answers 404 to another city's coordinator and a network admin, 401 to anonymous", async () => {
			for (const actor of [actors.tampereCoordinator, actors.admin, actors.lublinNgo]) {
				const { status, body } = await call(
					assessmentReport.GET,
					REPORT,
					{ assessmentId: ids.second },
					{ actor }
				);
				expect(status, actor.email).toBe(404);
				expect(body).toEqual(NOT_FOUND);
			}
			const anonymous = await call(assessmentReport.GET, REPORT, { assessmentId: ids.second });
			expect(anonymous.status).toBe(401);
			expect(anonymous.cacheControl).toBe(PRIVATE);
		});

		it('answers 404 to an id that names no assessment, or is no id at all', async () => {
			for (const assessmentId of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
				const { status, body } = await call(
					assessmentReport.GET,
					REPORT,
					{ assessmentId },
					{ actor: actors.lublinCoordinator }
				);
				expect(status).toBe(404);
				expect(body).toEqual(NOT_FOUND);
			}
		});
	});

	describe('once Lublin shares 2024 with the network', () => {
		beforeAll(async () => {
			expect(
				await assessments.setVisibility(actors.lublinCoordinator, ids.second, 'network')
			).toEqual({ ok: true });
		});

		it('gives a network admin the assessment and its report, privately', async () => {
			const one = await call(
				assessmentOne.GET,
				ONE,
				{ assessmentId: ids.second },
				{ actor: actors.admin }
			);
			expect(one.status).toBe(200);
			expect(one.cacheControl).toBe(PRIVATE);
			expect(one.body).toMatchObject({ id: ids.second, visibility: 'network' });
			const r = await call(
				assessmentReport.GET,
				REPORT,
				{ assessmentId: ids.second },
				{ actor: actors.admin }
			);
			expect(r.status).toBe(200);
			expect(r.cacheControl).toBe(PRIVATE);
			// The 2023 cycle is still private: the admin sees no change since it.
			expect(r.body.summary).toMatchObject({ previousCycle: null, previousScore: null });
			expect((r.body.keyFactors as ReportKeyFactor[])[0]!.change).toBeNull();
			expectNoInternalIds(one.body);
			expectNoInternalIds(r.body);
		});

		it("still answers 404 to another city's coordinator and 401 to anonymous", async () => {
			const other = await call(
				assessmentOne.GET,
				ONE,
				{ assessmentId: ids.second },
				{ actor: actors.tampereCoordinator }
			);
			expect(other.status).toBe(404);
			const anonymous = await call(assessmentOne.GET, ONE, { assessmentId: ids.second });
			expect(anonymous.status).toBe(401);
			// And the city's other cycle, not shared, stays hidden from the admin.
			const first = await call(
				assessmentOne.GET,
				ONE,
				{ assessmentId: ids.first },
				{ actor: actors.admin }
			);
			expect(first.status).toBe(404);
		});
	});

	describe('once Lublin publishes 2024', () => {
		beforeAll(async () => {
			expect(
				await assessments.setVisibility(actors.lublinCoordinator, ids.second, 'public')
			).toEqual({ ok: true });
		});

		it('gives everyone the assessment, publicly cacheable and open to other websites', async () => {
			const anonymous = await call(assessmentOne.GET, ONE, { assessmentId: ids.second });
			expect(anonymous.status).toBe(200);
			expect(anonymous.cacheControl).toBe(PUBLIC);
			expect(anonymous.cors).toBe('*');
			expect(anonymous.body).toMatchObject({ id: ids.second, visibility: 'public' });
			// The same answer for everyone, so the same public policy for the city's coordinator.
			for (const actor of [actors.lublinCoordinator, actors.tampereCoordinator, actors.admin]) {
				const signedIn = await call(
					assessmentOne.GET,
					ONE,
					{ assessmentId: ids.second },
					{ actor }
				);
				expect(signedIn.body).toEqual(anonymous.body);
				expect(signedIn.cacheControl).toBe(PUBLIC);
			}
			expectNoInternalIds(anonymous.body);
		});

		it('gives everyone the report; the one that shows a private previous cycle stays private', async () => {
			const anonymous = await call(assessmentReport.GET, REPORT, { assessmentId: ids.second });
			expect(anonymous.status).toBe(200);
			expect(anonymous.cacheControl).toBe(PUBLIC);
			expect(anonymous.body.summary).toMatchObject({ score: 75, previousCycle: null });
			expectNoInternalIds(anonymous.body);
			const tampere = await call(
				assessmentReport.GET,
				REPORT,
				{ assessmentId: ids.second },
				{ actor: actors.tampereCoordinator }
			);
			expect(tampere.body).toEqual(anonymous.body);
			expect(tampere.cacheControl).toBe(PUBLIC);
			// Lublin's coordinator also sees the change since 2023, which only Lublin may read.
			const coordinator = await call(
				assessmentReport.GET,
				REPORT,
				{ assessmentId: ids.second },
				{ actor: actors.lublinCoordinator }
			);
			expect(coordinator.body.summary).toMatchObject({ previousCycle: '2023' });
			expect(coordinator.cacheControl).toBe(PRIVATE);
		});

		it('keeps the unpublished 2023 cycle and the list private', async () => {
			const first = await call(assessmentOne.GET, ONE, { assessmentId: ids.first });
			expect(first.status).toBe(401);
			const report2023 = await call(assessmentReport.GET, REPORT, { assessmentId: ids.first });
			expect(report2023.status).toBe(401);
			const list = await call(cityAssessments.GET, LIST, { cityId: ids.lublin });
			expect(list.status).toBe(401);
		});
	});

	it('has produced and checked every response the document promises for assessments', () => {
		const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
			ours(path) ? Object.keys(item.get.responses).map((status) => `${path} ${status}`) : []
		);
		expect(documented.length).toBeGreaterThan(0);
		const produced = [...seen].filter((s) => ours(s.split(' ')[0]!));
		expect(produced.sort()).toEqual(documented.sort());
	});
});
