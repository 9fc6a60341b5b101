import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import * as cities from '../cities/service.ts';
import * as assessments from './service.ts';
import * as answers from './answers.ts';
import type { AnswerInput } from './forms.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

const BENCHMARK = 'enhancing-public-perception';

describe.each(engines())('assessments on %s', (engine) => {
	useTestDatabase(engine, { demo: true });

	const cityId = async (slug: string) => (await cities.bySlug(null, slug))!.id;
	const coordinator = () => actorByEmail('coordinator.lublin@example.org');

	async function started(cycle: string) {
		const outcome = await assessments.start(await coordinator(), await cityId('lublin'), {
			benchmark: BENCHMARK,
			cycle,
			prefill: true
		});
		if (!outcome.ok) throw new Error(`could not start: ${outcome.error}`);
		return outcome.id;
	}

	function answerOf(view: assessments.AssessmentView, questionId: string) {
		return view.keyFactors.flatMap((k) => k.answers).find((a) => a.questionId === questionId)!;
	}

	it('starts one open assessment per city and benchmark, keeping the benchmark version', async () => {
		const id = await started('2025');
		const again = await assessments.start(await coordinator(), await cityId('lublin'), {
			benchmark: BENCHMARK,
			cycle: '2026',
			prefill: false
		});
		expect(again).toEqual({
			ok: false,
			field: 'benchmark',
			error: 'error_assessment_open',
			openId: id
		});
		const view = await assessments.get(await coordinator(), id);
		expect(view.benchmark.version).toBe(1);
		expect(view.keyFactors).toHaveLength(11);
		expect(view.keyFactors.every((k) => k.status === 'not_started')).toBe(true);
	});

	it('saves answers, shows task statuses, and detects two people saving at once', async () => {
		const me = await coordinator();
		const lublin = await cityId('lublin');
		const [a] = (await assessments.listOfCity(me, lublin)).filter(
			(x) => x.status === 'in_progress'
		);
		const view = await assessments.get(me, a!.id);
		const kf = view.keyFactors[0]!;
		const [q1, q2] = kf.guideQuestions;
		const first: AnswerInput[] = [
			{
				questionId: q1!.id,
				response: '3',
				evidence: 'A welcome campaign since 2013.',
				links: ['https://lublin.eu'],
				revision: 0
			},
			{ questionId: q2!.id, response: 'dont_know', evidence: '', links: [], revision: 0 }
		];
		expect(await answers.saveAnswers(me, a!.id, first)).toEqual({ ok: true, saved: 2 });
		const after = await assessments.get(me, a!.id);
		expect(after.keyFactors[0]!.status).toBe('in_progress');
		expect(answerOf(after, q1!.id)).toMatchObject({ kind: 'rated', rating: 3, revision: 1 });

		// A colleague saves from a form loaded before: their change is not lost, nor is ours.
		const contributor = await actorByEmail('contributor.lublin@example.org');
		expect(
			await answers.saveAnswers(contributor, a!.id, [{ ...first[0]!, response: '4', revision: 1 }])
		).toEqual({ ok: true, saved: 1 });
		const stale = await answers.saveAnswers(me, a!.id, [
			{ ...first[0]!, response: '2', evidence: 'Only partly.', revision: 1 }
		]);
		expect(stale).toMatchObject({
			ok: false,
			reason: 'conflict',
			conflicts: [
				{ questionId: q1!.id, mine: { response: '2' }, theirs: { rating: 4, revision: 2 } }
			]
		});
		expect(answerOf(await assessments.get(me, a!.id), q1!.id).rating).toBe(4);
	});

	it('refuses unknown or foreign question ids with a reason, not a crash', async () => {
		const me = await coordinator();
		const [a] = (await assessments.listOfCity(me, await cityId('lublin'))).filter(
			(x) => x.status === 'in_progress'
		);
		const outcome = await answers.saveAnswers(me, a!.id, [
			{
				questionId: '00000000-0000-4000-8000-000000000000',
				response: '1',
				evidence: '',
				links: [],
				revision: 0
			}
		]);
		expect(outcome).toEqual({ ok: false, reason: 'unknown-question' });
	});

	it("keeps a city's assessment from other cities, stakeholders and (unshared) the network", async () => {
		const me = await coordinator();
		const [a] = await assessments.listOfCity(me, await cityId('lublin'));
		const tampere = await actorByEmail('coordinator.tampere@example.org');
		const ngo = await actorByEmail('ngo.lublin@example.org');
		const admin = await actorByEmail('admin@example.org');
		expect(await statusOf(assessments.get(tampere, a!.id))).toBe(404);
		expect(await statusOf(assessments.get(ngo, a!.id))).toBe(404);
		expect(await statusOf(assessments.get(admin, a!.id))).toBe(404);
		expect(await statusOf(assessments.get(null, a!.id))).toBe(401);
		expect(await statusOf(assessments.get(me, 'not-an-id'))).toBe(404);
		expect(await statusOf(assessments.listOfCity(tampere, await cityId('lublin')))).toBe(404);

		expect(await assessments.setVisibility(me, a!.id, 'network')).toEqual({ ok: true });
		expect(await statusOf(assessments.get(admin, a!.id))).toBe('ok');
		expect(await statusOf(assessments.get(tampere, a!.id))).toBe(404);
		// Nobody outside the city edits it, even when they can read it.
		expect(await statusOf(answers.saveAnswers(admin, a!.id, []))).toBe(404);
	});

	it('submits (read-only, publishable), reopens (audited), and starts the next cycle pre-filled', async () => {
		const me = await coordinator();
		const lublin = await cityId('lublin');
		const [a] = (await assessments.listOfCity(me, lublin)).filter(
			(x) => x.status === 'in_progress'
		);
		expect(await assessments.setVisibility(me, a!.id, 'public')).toEqual({
			ok: false,
			reason: 'not-submitted'
		});
		const c1 = (await assessments.get(me, a!.id)).contextNotes[0]!;
		await answers.saveContextNotes(me, a!.id, [
			{ contextFactorId: c1.id, limit: 'somewhat', why: 'Housing is scarce.' }
		]);
		expect((await assessments.submit(me, a!.id)).ok).toBe(true);
		expect(await answers.saveAnswers(me, a!.id, [])).toEqual({
			ok: false,
			reason: 'submitted'
		});
		expect((await assessments.get(me, a!.id)).canAnswer).toBe(false);
		expect(await assessments.setVisibility(me, a!.id, 'public')).toEqual({ ok: true });
		expect(await statusOf(assessments.get(null, a!.id))).toBe('ok');

		const contributor = await actorByEmail('contributor.lublin@example.org');
		expect(await statusOf(assessments.reopen(contributor, a!.id))).toBe(404);
		expect((await assessments.reopen(me, a!.id)).ok).toBe(true);
		expect((await assessments.submit(me, a!.id)).ok).toBe(true);

		const next = await started('2026');
		const view = await assessments.get(me, next);
		const previous = await assessments.get(me, a!.id);
		const firstQuestion = previous.keyFactors[0]!.guideQuestions[0]!.id;
		expect(answerOf(view, firstQuestion)).toMatchObject({ kind: 'rated', rating: 4 });
		expect(view.previousId).toBe(a!.id);
		// The context notes come along too.
		expect(view.contextNotes[0]).toMatchObject({ limit: 'somewhat', why: 'Housing is scarce.' });
		// Reopening the older cycle now would make two open ones: refused.
		expect(await assessments.reopen(me, a!.id)).toEqual({ ok: false, reason: 'another-open' });
	});

	it('notes how much each context factor limits the city', async () => {
		const me = await coordinator();
		const [open] = (await assessments.listOfCity(me, await cityId('lublin'))).filter(
			(x) => x.status === 'in_progress'
		);
		const view = await assessments.get(me, open!.id);
		const [c1] = view.contextNotes;
		expect(
			await answers.saveContextNotes(me, open!.id, [
				{ contextFactorId: c1!.id, limit: 'strongly', why: 'National rules on residence.' }
			])
		).toEqual({ ok: true });
		const after = await assessments.get(me, open!.id);
		expect(after.contextNotes[0]).toMatchObject({
			limit: 'strongly',
			why: 'National rules on residence.'
		});
		expect(after.contextStatus).toBe('in_progress');
	});
});
