import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { outbox } from '../mail/schema.ts';
import * as cities from '../cities/service.ts';
import * as assessments from './service.ts';
import * as respondents from './respondents.ts';
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

describe.each(engines())('respondents on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });

	const coordinator = () => actorByEmail('coordinator.lublin@example.org');
	let assessmentId = '';

	async function tokenSentTo(to: string) {
		const [mail] = await db()
			.select()
			.from(outbox)
			.where(eq(outbox.to, to))
			.orderBy(desc(outbox.createdAt))
			.limit(1);
		const token = mail?.text.match(/\/respond\/([A-Za-z0-9_-]+)/)?.[1];
		if (!token) throw new Error(`no respondent mail to ${to}`);
		return { token, mail: mail! };
	}

	async function invite(name: string, email: string, group: respondents.RespondentGroup) {
		const outcome = await respondents.inviteRespondent(
			await coordinator(),
			assessmentId,
			{ name, email, group },
			'http://localhost'
		);
		if (!outcome.ok) throw new Error(`could not invite: ${outcome.error}`);
		return (await tokenSentTo(email)).token;
	}

	const rate = (questionId: string, response: AnswerInput['response']): AnswerInput => ({
		questionId,
		response,
		evidence: '',
		links: [],
		revision: 0
	});

	it('invites by mail; the respondent answers through the link; groups are compared', async () => {
		const me = await coordinator();
		const lublin = (await cities.bySlug(null, 'lublin'))!.id;
		const open = (await assessments.listOfCity(me, lublin)).find(
			(a) => a.status === 'in_progress' && a.benchmarkSlug === BENCHMARK
		);
		if (open) {
			assessmentId = open.id;
		} else {
			const started = await assessments.start(me, lublin, {
				benchmark: BENCHMARK,
				cycle: 'respondents',
				prefill: false
			});
			if (!started.ok) throw new Error(started.error);
			assessmentId = started.id;
		}

		const outcome = await respondents.inviteRespondent(
			me,
			assessmentId,
			{ name: 'Olena', email: 'Olena@Example.net', group: 'migrant' },
			'http://localhost'
		);
		expect(outcome.ok).toBe(true);
		const { token, mail } = await tokenSentTo('olena@example.net');
		expect(mail.subject).toContain('Lublin');
		expect(mail.text).toContain(`http://localhost/respond/${token}`);
		expect(mail.text).toContain('Migrants and migrant associations');

		// One invitation per address and assessment, whatever its case.
		const again = await respondents.inviteRespondent(
			me,
			assessmentId,
			{ name: 'Olena', email: 'olena@example.net', group: 'city_staff' },
			'http://localhost'
		);
		expect(again).toEqual({
			ok: false,
			field: 'email',
			error: 'respondent_error_already_invited'
		});

		const staff = await invite('Marek', 'marek@lublin.example', 'city_staff');

		const view = (await respondents.respondentByToken(token))!;
		expect(view.status).toBe('open');
		expect(view.city.name).toBe('Lublin');
		expect(view.respondent).toMatchObject({ name: 'Olena', group: 'migrant' });
		expect(view.keyFactors).toHaveLength(11);
		const kf = view.keyFactors[0]!;
		const [q1, q2] = kf.questions;
		expect(q1!.answer.response).toBe('');

		expect(
			await respondents.saveRespondentAnswers(token, [
				{ ...rate(q1!.id, '0'), evidence: 'Nobody asked us.' },
				rate(q2!.id, 'dont_know')
			])
		).toEqual({ ok: true, saved: 2 });
		expect(await respondents.saveRespondentAnswers(staff, [rate(q1!.id, '3')])).toEqual({
			ok: true,
			saved: 1
		});
		// A question of no key factor of this benchmark is refused.
		expect(
			await respondents.saveRespondentAnswers(token, [
				rate('00000000-0000-4000-8000-000000000000', '1')
			])
		).toEqual({ ok: false, reason: 'unknown-question' });

		const after = (await respondents.respondentByToken(token))!;
		expect(after.keyFactors[0]!.questions[0]!.answer).toMatchObject({
			response: '0',
			evidence: 'Nobody asked us.'
		});
		expect(after.keyFactors[0]!.status).toBe('in_progress');
		expect(after.respondent.lastAnsweredAt).toBeInstanceOf(Date);

		// The city's own answers are untouched by the respondents'.
		const city = await assessments.get(me, assessmentId);
		expect(city.keyFactors[0]!.answers[0]!.kind).toBeNull();

		// The coordinator sees who answered how much…
		const list = await respondents.listRespondents(me, assessmentId);
		expect(list.respondents.map((r) => [r.email, r.group, r.answered])).toEqual([
			['olena@example.net', 'migrant', 2],
			['marek@lublin.example', 'city_staff', 1]
		]);
		expect(list.questions).toBeGreaterThan(2);

		// …and per question each group's ratings, with a flag where they differ by 2 or more.
		const [groups] = await respondents.groupViews(me, assessmentId, kf.slug);
		const first = groups!.questions[0]!;
		expect(first.differ).toBe(true);
		expect(first.groups).toEqual([
			{
				group: 'city_staff',
				count: 1,
				ratings: [3],
				mean: 3,
				spread: { min: 3, max: 3, range: 0 },
				dontKnow: 0,
				notApplicable: 0
			},
			{
				group: 'partner_organisation',
				count: 0,
				ratings: [],
				mean: null,
				spread: null,
				dontKnow: 0,
				notApplicable: 0
			},
			{
				group: 'migrant',
				count: 1,
				ratings: [0],
				mean: 0,
				spread: { min: 0, max: 0, range: 0 },
				dontKnow: 0,
				notApplicable: 0
			}
		]);
		const second = groups!.questions[1]!;
		expect(second.differ).toBe(false);
		expect(second.groups.find((g) => g.group === 'migrant')).toMatchObject({
			count: 1,
			dontKnow: 1,
			mean: null
		});
		// Never a name or an address next to the ratings.
		const serialised = JSON.stringify(await respondents.groupViews(me, assessmentId));
		expect(serialised).not.toMatch(/Olena|Marek|@/);

		const forPage = (await respondents.groupViewsForKeyFactor(me, assessmentId, kf.slug))!;
		expect(forPage.respondents).toBe(2);
		expect(forPage.byQuestion[q1!.id]!.differ).toBe(true);

		const differences = await respondents.groupDifferences(me, assessmentId);
		expect(differences).toEqual([
			{
				keyFactor: { number: kf.number, slug: kf.slug, title: kf.title },
				questionId: q1!.id,
				question: q1!.text,
				groups: [
					{ group: 'city_staff', count: 1, mean: 3 },
					{ group: 'partner_organisation', count: 0, mean: null },
					{ group: 'migrant', count: 1, mean: 0 }
				]
			}
		]);

		// A contributor may see the groups' views, not the list of people, nor invite.
		const contributor = await actorByEmail('contributor.lublin@example.org');
		expect(await statusOf(respondents.groupViews(contributor, assessmentId))).toBe('ok');
		expect(await statusOf(respondents.listRespondents(contributor, assessmentId))).toBe(404);
		expect(
			await statusOf(
				respondents.inviteRespondent(
					contributor,
					assessmentId,
					{ name: 'X', email: 'x@example.net', group: 'migrant' },
					'http://localhost'
				)
			)
		).toBe(404);
	});

	it('shows a respondent only their own answers', async () => {
		const token = await invite('Anna', 'anna@ngo.example', 'partner_organisation');
		const view = (await respondents.respondentByToken(token))!;
		// Olena and Marek answered the first key factor; Anna sees nothing of it.
		expect(view.keyFactors.flatMap((k) => k.questions).every((q) => q.answer.response === '')).toBe(
			true
		);
		expect(view.keyFactors.every((k) => k.status === 'not_started')).toBe(true);
		expect(JSON.stringify(view)).not.toMatch(/Nobody asked us|olena|marek/i);
	});

	it("refuses another city's coordinator, and people without a session", async () => {
		const tampere = await actorByEmail('coordinator.tampere@example.org');
		const admin = await actorByEmail('admin@example.org');
		for (const actor of [tampere, admin]) {
			expect(await statusOf(respondents.listRespondents(actor, assessmentId))).toBe(404);
			expect(await statusOf(respondents.groupViews(actor, assessmentId))).toBe(404);
			expect(await statusOf(respondents.groupDifferences(actor, assessmentId))).toBe(404);
			expect(
				await statusOf(
					respondents.inviteRespondent(
						actor,
						assessmentId,
						{ name: 'X', email: 'x@example.net', group: 'migrant' },
						'http://localhost'
					)
				)
			).toBe(404);
		}
		expect(await statusOf(respondents.listRespondents(null, assessmentId))).toBe(401);
		expect(await statusOf(respondents.groupViews(null, 'not-an-id'))).toBe(404);
	});

	it('answers undefined for an invalid token', async () => {
		expect(await respondents.respondentByToken('')).toBeUndefined();
		expect(await respondents.respondentByToken('no-such-token')).toBeUndefined();
		expect(await respondents.respondentByToken('x'.repeat(500))).toBeUndefined();
		expect(await respondents.saveRespondentAnswers('no-such-token', [])).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});

	it('makes the link read-only once the assessment is submitted', async () => {
		const me = await coordinator();
		const token = await invite('Late', 'late@example.net', 'migrant');
		const view = (await respondents.respondentByToken(token))!;
		const q = view.keyFactors[1]!.questions[0]!;
		expect(await assessments.submit(me, assessmentId)).toMatchObject({ ok: true });

		const after = (await respondents.respondentByToken(token))!;
		expect(after.status).toBe('read_only');
		expect(await respondents.saveRespondentAnswers(token, [rate(q.id, '2')])).toEqual({
			ok: false,
			reason: 'submitted'
		});
		expect(
			await respondents.inviteRespondent(
				me,
				assessmentId,
				{ name: 'Too late', email: 'too.late@example.net', group: 'migrant' },
				'http://localhost'
			)
		).toEqual({ ok: false, field: '_form', error: 'respondent_error_submitted' });
		// The coordinator still sees the views of a submitted assessment.
		expect((await respondents.groupDifferences(me, assessmentId)).length).toBe(1);
	});
});
