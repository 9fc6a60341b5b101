import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { outbox } from '../mail/schema.ts';
import { auditLog } from '../audit/schema.ts';
import * as cities from '../cities/service.ts';
import * as assessments from './service.ts';
import * as respondents from './respondents.ts';
import * as links from './respondent-links.ts';
import * as groups from './group-views.ts';
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

		const view = (await links.respondentByToken(token))!;
		expect(view.status).toBe('open');
		expect(view.city.name).toBe('Lublin');
		expect(view.respondent).toMatchObject({ name: 'Olena', group: 'migrant' });
		expect(view.keyFactors).toHaveLength(11);
		const kf = view.keyFactors[0]!;
		const [q1, q2] = kf.questions;
		expect(q1!.answer.response).toBe('');

		expect(
			await links.saveRespondentAnswers(token, [
				{ ...rate(q1!.id, '0'), evidence: 'Nobody asked us.' },
				rate(q2!.id, 'dont_know')
			])
		).toEqual({ ok: true, saved: 2 });
		expect(await links.saveRespondentAnswers(staff, [rate(q1!.id, '3')])).toEqual({
			ok: true,
			saved: 1
		});
		// A question of no key factor of this benchmark is refused.
		expect(
			await links.saveRespondentAnswers(token, [rate('00000000-0000-4000-8000-000000000000', '1')])
		).toEqual({ ok: false, reason: 'unknown-question' });

		const after = (await links.respondentByToken(token))!;
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
		const [views] = await groups.groupViews(me, assessmentId, kf.slug);
		const first = views!.questions[0]!;
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
		const second = views!.questions[1]!;
		expect(second.differ).toBe(false);
		expect(second.groups.find((g) => g.group === 'migrant')).toMatchObject({
			count: 1,
			dontKnow: 1,
			mean: null
		});
		// Never a name or an address next to the ratings.
		const serialised = JSON.stringify(await groups.groupViews(me, assessmentId));
		expect(serialised).not.toMatch(/Olena|Marek|@/);

		const forPage = (await groups.groupViewsForKeyFactor(me, assessmentId, kf.slug))!;
		expect(forPage.respondents).toBe(2);
		expect(forPage.byQuestion[q1!.id]!.differ).toBe(true);

		const differences = await groups.groupDifferences(me, assessmentId);
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
		expect(await statusOf(groups.groupViews(contributor, assessmentId))).toBe('ok');
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
		const view = (await links.respondentByToken(token))!;
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
			expect(await statusOf(groups.groupViews(actor, assessmentId))).toBe(404);
			expect(await statusOf(groups.groupDifferences(actor, assessmentId))).toBe(404);
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
		expect(await statusOf(groups.groupViews(null, 'not-an-id'))).toBe(404);
	});

	it('answers undefined for an invalid token', async () => {
		expect(await links.respondentByToken('')).toBeUndefined();
		expect(await links.respondentByToken('no-such-token')).toBeUndefined();
		expect(await links.respondentByToken('x'.repeat(500))).toBeUndefined();
		expect(await links.saveRespondentAnswers('no-such-token', [])).toEqual({
			ok: false,
			reason: 'not-found'
		});
	});

	/** The reason a link is refused with 410 Gone, or what else happened. */
	async function goneReason(token: string) {
		try {
			await links.respondentByToken(token);
			return 'opened';
		} catch (e) {
			if (isHttpError(e) && e.status === 410) return e.body.reason;
			throw e;
		}
	}

	async function auditOf(entityId: string) {
		return (
			await db().select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.at)
		).map((a) => a.action);
	}

	async function mailsTo(to: string) {
		return (await db().select().from(outbox).where(eq(outbox.to, to))).length;
	}

	async function respondentIdOf(email: string) {
		const list = await respondents.listRespondents(await coordinator(), assessmentId);
		return list.respondents.find((r) => r.email === email)!.id;
	}

	it('withdraws a link: refused from then on, the answers given stay counted, audited', async () => {
		const me = await coordinator();
		const token = await invite('Wrong Person', 'wrong@example.net', 'migrant');
		const id = await respondentIdOf('wrong@example.net');
		const { slug, questions } = (await links.respondentByToken(token))!.keyFactors[2]!;
		const q = questions[0]!;
		expect(await links.saveRespondentAnswers(token, [rate(q.id, '4')])).toEqual({
			ok: true,
			saved: 1
		});

		expect(await respondents.revokeRespondent(me, assessmentId, id)).toEqual({
			ok: true,
			respondent: { name: 'Wrong Person', email: 'wrong@example.net' }
		});
		// The link now says it was withdrawn (410), and saves nothing.
		expect(await goneReason(token)).toBe('link-revoked');
		expect(await links.saveRespondentAnswers(token, [rate(q.id, '0')])).toEqual({
			ok: false,
			reason: 'link-revoked'
		});
		// The coordinator sees the link withdrawn, with what was answered before…
		const row = (await respondents.listRespondents(me, assessmentId)).respondents.find(
			(r) => r.id === id
		)!;
		expect(row).toMatchObject({ status: 'revoked', answered: 1 });
		expect(row.revokedAt).toBeInstanceOf(Date);
		// …which still counts in the groups' views, unchanged by the refused save.
		const [kf] = await groups.groupViews(me, assessmentId, slug);
		const view = kf!.questions.find((x) => x.questionId === q.id)!;
		expect(view.groups.find((g) => g.group === 'migrant')).toMatchObject({
			count: 1,
			ratings: [4]
		});

		// Withdrawing again changes nothing, and writes nothing more.
		expect((await respondents.revokeRespondent(me, assessmentId, id)).ok).toBe(true);
		expect(await auditOf(id)).toEqual(['respondent.invite', 'respondent.revoke']);
		// A withdrawn link is not sent again.
		const before = await mailsTo('wrong@example.net');
		expect(await respondents.resendInvitation(me, assessmentId, id, 'http://localhost')).toEqual({
			ok: false,
			error: 'respondent_error_revoked'
		});
		expect(await mailsTo('wrong@example.net')).toBe(before);
	});

	it('sends a new link: the old one says it was replaced; a few times a day at most', async () => {
		const me = await coordinator();
		const first = await invite('Again', 'again@example.net', 'city_staff');
		const id = await respondentIdOf('again@example.net');
		const q = (await links.respondentByToken(first))!.keyFactors[3]!.questions[0]!;
		await links.saveRespondentAnswers(first, [{ ...rate(q.id, '2'), evidence: 'Kept.' }]);

		expect(await respondents.resendInvitation(me, assessmentId, id, 'http://localhost')).toEqual({
			ok: true,
			respondent: { name: 'Again', email: 'again@example.net' }
		});
		const { token: second, mail } = await tokenSentTo('again@example.net');
		expect(second).not.toBe(first);
		expect(mail.purpose).toBe('respondent-invitation');
		expect(mail.subject).toContain('Lublin');
		expect(await mailsTo('again@example.net')).toBe(2);
		// The old link is refused, saying why; the new one shows the answers given before.
		expect(await goneReason(first)).toBe('link-replaced');
		expect(await links.saveRespondentAnswers(first, [rate(q.id, '0')])).toEqual({
			ok: false,
			reason: 'link-replaced'
		});
		const view = (await links.respondentByToken(second))!;
		expect(view.keyFactors[3]!.questions[0]!.answer).toMatchObject({
			response: '2',
			evidence: 'Kept.'
		});
		expect(await auditOf(id)).toEqual(['respondent.invite', 'respondent.resend']);

		// Three new links a day at most; the fourth is refused, and no mail goes out.
		for (let i = 1; i < respondents.RESENDS_PER_DAY; i++) {
			expect(
				(await respondents.resendInvitation(me, assessmentId, id, 'http://localhost')).ok
			).toBe(true);
		}
		expect(await respondents.resendInvitation(me, assessmentId, id, 'http://localhost')).toEqual({
			ok: false,
			error: 'respondent_error_resend_limit'
		});
		expect(await mailsTo('again@example.net')).toBe(1 + respondents.RESENDS_PER_DAY);
		// Every link but the last is refused.
		expect(await goneReason(second)).toBe('link-replaced');
		expect(await goneReason((await tokenSentTo('again@example.net')).token)).toBe('opened');
	});

	it('lets only those who manage the assessment withdraw or resend a link', async () => {
		await invite('Other', 'other@example.net', 'city_staff');
		const id = await respondentIdOf('other@example.net');
		const contributor = await actorByEmail('contributor.lublin@example.org');
		const stakeholder = await actorByEmail('ngo.lublin@example.org');
		const tampere = await actorByEmail('coordinator.tampere@example.org');
		const admin = await actorByEmail('admin@example.org');
		for (const actor of [contributor, stakeholder, tampere, admin]) {
			expect(await statusOf(respondents.revokeRespondent(actor, assessmentId, id))).toBe(404);
			expect(
				await statusOf(respondents.resendInvitation(actor, assessmentId, id, 'http://localhost'))
			).toBe(404);
		}
		expect(await statusOf(respondents.revokeRespondent(null, assessmentId, id))).toBe(401);
		// Nothing happened to the link.
		expect(await auditOf(id)).toEqual(['respondent.invite']);
		// Ids of no respondent of this assessment are not found.
		const me = await coordinator();
		for (const other of ['not-an-id', '00000000-0000-4000-8000-000000000000']) {
			expect(await statusOf(respondents.revokeRespondent(me, assessmentId, other))).toBe(404);
			expect(
				await statusOf(respondents.resendInvitation(me, assessmentId, other, 'http://localhost'))
			).toBe(404);
		}
	});

	it('makes the link read-only once the assessment is submitted', async () => {
		const me = await coordinator();
		const token = await invite('Late', 'late@example.net', 'migrant');
		const view = (await links.respondentByToken(token))!;
		const q = view.keyFactors[1]!.questions[0]!;
		expect(await assessments.submit(me, assessmentId)).toMatchObject({ ok: true });

		const after = (await links.respondentByToken(token))!;
		expect(after.status).toBe('read_only');
		expect(await links.saveRespondentAnswers(token, [rate(q.id, '2')])).toEqual({
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
		expect((await groups.groupDifferences(me, assessmentId)).length).toBe(1);

		// No new link for a submitted assessment; but a link may still be withdrawn, and then
		// stops showing the answers.
		const id = await respondentIdOf('late@example.net');
		expect(await respondents.resendInvitation(me, assessmentId, id, 'http://localhost')).toEqual({
			ok: false,
			error: 'respondent_error_submitted'
		});
		expect((await respondents.revokeRespondent(me, assessmentId, id)).ok).toBe(true);
		expect(await goneReason(token)).toBe('link-revoked');
	});
});
