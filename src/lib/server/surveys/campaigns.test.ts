// Campaigns as the network runs them, over the seeded database with the demo accounts: a draft
// prepared step by step, sent to each target group, mailed in each coordinator's language;
// copied, extended, closed; a submitted response reopened or the request declined; the daily
// reminders, once per reminder window.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { isHttpError } from '@sveltejs/kit';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import type { Actor } from '../access/index.ts';
import { user } from '../auth/schema.ts';
import { city, membership } from '../cities/schema.ts';
import { signatory } from '../charter/schema.ts';
import { outbox } from '../mail/schema.ts';
import { campaign, survey, surveyResponse, surveyVersion } from './schema.ts';
import * as reading from './campaigns.ts';
import * as drafts from './campaign-drafts.ts';
import * as sending from './campaign-sending.ts';
import * as reminders from './campaign-reminders.ts';
import type { Target } from './campaign-drafts.ts';

// The campaign service files as one, so that the tests read as before the split.
const campaigns = { ...reading, ...drafts, ...sending, ...reminders };

const ORIGIN = 'https://cities.example';

function addDays(day: string, days: number) {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe.each(engines())('survey campaigns on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });
	const today = campaigns.utcToday();
	let admin: Actor;
	let coordinator: Actor;
	let monitoringId = '';
	const cityIds: Record<string, string> = {};

	/** The mails sent about one campaign (its link is in each). */
	const mailsAbout = async (slug: string) =>
		db()
			.select()
			.from(outbox)
			.where(like(outbox.text, `%/surveys/${slug}%`));

	async function draftReady(
		edition: string,
		target: Target,
		chosen: string[] = [],
		dates = { opensOn: today, closesOn: addDays(today, 30) }
	) {
		const created = await campaigns.createDraft(admin, { surveyId: monitoringId, edition });
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		expect(await campaigns.saveTarget(admin, created.slug, { target, cityIds: chosen })).toEqual({
			ok: true
		});
		expect(await campaigns.saveDates(admin, created.slug, dates, today)).toEqual({ ok: true });
		return created.slug;
	}

	beforeAll(async () => {
		const d = db();
		admin = await actorByEmail('admin@example.org');
		coordinator = await actorByEmail('coordinator.lublin@example.org');
		for (const c of await d.select().from(city)) cityIds[c.slug] = c.id;
		const [s] = await d.select().from(survey).where(eq(survey.slug, 'charter-monitoring'));
		monitoringId = s!.id;
		// Tampere's coordinator last used the site in French; a second Lublin coordinator in German.
		await d
			.update(user)
			.set({ locale: 'fr' })
			.where(eq(user.email, 'coordinator.tampere@example.org'));
		await d.insert(user).values({
			id: 'lublin-de',
			name: 'Lena',
			email: 'lena@lublin.test',
			locale: 'de'
		});
		await d
			.insert(membership)
			.values({ userId: 'lublin-de', cityId: cityIds.lublin!, role: 'city_coordinator' });
	});

	it('is for network admins only', async () => {
		expect(await statusOf(campaigns.list(coordinator))).toBe(403);
		expect(await statusOf(campaigns.list(null))).toBe(401);
		expect(
			await statusOf(campaigns.createDraft(coordinator, { surveyId: monitoringId, edition: 'x' }))
		).toBe(403);
		expect(await statusOf(campaigns.send(coordinator, 'charter-monitoring-demo'))).toBe(403);
		expect(await statusOf(campaigns.closeEarly(coordinator, 'charter-monitoring-demo'))).toBe(403);
		expect(await statusOf(campaigns.copy(coordinator, 'charter-monitoring-demo'))).toBe(403);
		expect(await statusOf(campaigns.get(coordinator, 'charter-monitoring-demo'))).toBe(403);
		expect(await statusOf(campaigns.get(admin, 'no-such-campaign'))).toBe(404);
		const list = await campaigns.list(admin);
		expect(list.find((c) => c.slug === 'charter-monitoring-demo')).toMatchObject({
			state: 'open',
			submitted: 0
		});
		expect(list.find((c) => c.slug === 'refugee-reception-2015')?.state).toBe('closed');
	});

	it('refuses an unknown survey, an unpublished one and an edition already used', async () => {
		const unknown = await campaigns.createDraft(admin, {
			surveyId: '00000000-0000-4000-8000-000000000000',
			edition: '2031'
		});
		expect(unknown).toEqual({ ok: false, errors: { surveyId: 'campaign_error_survey_required' } });
		const [draftOnly] = await db()
			.insert(survey)
			.values({ slug: 'draft-only', title: { en: 'Draft only' } })
			.returning();
		await db()
			.insert(surveyVersion)
			.values({ surveyId: draftOnly!.id, number: 1, definition: { sections: [] } });
		expect(await campaigns.createDraft(admin, { surveyId: draftOnly!.id, edition: '1' })).toEqual({
			ok: false,
			errors: { surveyId: 'campaign_error_survey_unpublished' }
		});
		const choices = await campaigns.surveyChoices(admin);
		expect(choices.find((s) => s.slug === 'draft-only')?.versionNumber).toBeNull();
		// The demo campaign is this year's edition of the Charter monitoring.
		const taken = await campaigns.createDraft(admin, {
			surveyId: monitoringId,
			edition: ` ${new Date().getUTCFullYear()} `.trim()
		});
		expect(taken).toEqual({ ok: false, errors: { edition: 'campaign_error_edition_taken' } });
	});

	it('keeps a draft step by step and sends it to the chosen cities, mailing each coordinator in their language', async () => {
		const created = await campaigns.createDraft(admin, {
			surveyId: monitoringId,
			edition: 'Spring 2031'
		});
		expect(created).toEqual({ ok: true, slug: 'charter-monitoring-spring-2031' });
		const slug = 'charter-monitoring-spring-2031';
		expect(await campaigns.saveTarget(admin, slug, { target: 'chosen', cityIds: [] })).toEqual({
			ok: false,
			errors: { cityIds: 'campaign_error_no_cities' }
		});
		await campaigns.saveTarget(admin, slug, {
			target: 'chosen',
			cityIds: [cityIds.lublin!, cityIds.tampere!, 'not-a-city']
		});
		expect(
			await campaigns.saveDates(
				admin,
				slug,
				{ opensOn: addDays(today, -1), closesOn: addDays(today, -1) },
				today
			)
		).toEqual({
			ok: false,
			errors: { opensOn: 'campaign_error_opens_past', closesOn: 'campaign_error_closes_past' }
		});
		await campaigns.saveReminders(admin, slug, { reminderDays: 5 });
		await campaigns.saveMessage(admin, slug, { en: 'Thank you!', fr: 'Merci !' });
		// Not sendable without dates: the check page says what is missing.
		const early = await campaigns.send(admin, slug, { today, origin: ORIGIN });
		expect(early).toEqual({ ok: false, errors: { dates: 'campaign_error_dates_missing' } });
		const view = await campaigns.get(admin, slug, today);
		expect(view.state).toBe('draft');
		expect(view.targetCount).toBe(2);
		expect(view.problems).toEqual({ dates: 'campaign_error_dates_missing' });

		await campaigns.saveDates(admin, slug, { opensOn: today, closesOn: addDays(today, 20) }, today);
		const sent = await campaigns.send(admin, slug, { today, origin: ORIGIN });
		expect(sent).toEqual({ ok: true, targets: 2, mailed: 3 });
		expect(await campaigns.send(admin, slug, { today, origin: ORIGIN })).toEqual({
			ok: false,
			errors: { _form: 'campaign_error_already_sent' }
		});

		const after = await campaigns.get(admin, slug, today);
		expect(after.state).toBe('open');
		expect(after.responses.map((r) => [r.cityName, r.status])).toEqual([
			['Lublin', 'not_started'],
			['Tampere', 'not_started']
		]);
		const mails = await mailsAbout(slug);
		expect(mails.map((m) => m.to).sort()).toEqual([
			'coordinator.lublin@example.org',
			'coordinator.tampere@example.org',
			'lena@lublin.test'
		]);
		const byTo = new Map(mails.map((m) => [m.to, m]));
		expect(byTo.get('coordinator.tampere@example.org')!.subject).toMatch(/^Enquête pour Tampere/);
		expect(byTo.get('coordinator.tampere@example.org')!.text).toContain('Merci !');
		expect(byTo.get('lena@lublin.test')!.subject).toMatch(/^Umfrage für Lublin/);
		expect(byTo.get('coordinator.lublin@example.org')!.text).toContain('Thank you!');
		expect(byTo.get('coordinator.lublin@example.org')!.text).toContain(
			`${ORIGIN}/workspace/${cityIds.lublin}/surveys/${slug}`
		);
		// A sent campaign's topics no longer change.
		expect(await campaigns.saveReminders(admin, slug, { reminderDays: 3 })).toEqual({
			ok: false,
			errors: { _form: 'campaign_error_not_draft' }
		});
	});

	it('sends to every Charter signatory, or to every member city', async () => {
		const signatories = await db().select().from(signatory);
		const everyCity = await db().select().from(city);
		const toSignatories = await draftReady('Signatories 2031', 'signatories');
		const toMembers = await draftReady('Members 2031', 'members');
		expect(await campaigns.send(admin, toSignatories, { today, origin: ORIGIN })).toMatchObject({
			ok: true,
			targets: signatories.length
		});
		expect(await campaigns.send(admin, toMembers, { today, origin: ORIGIN })).toMatchObject({
			ok: true,
			targets: everyCity.length
		});
		const view = await campaigns.get(admin, toSignatories, today);
		expect(view.responses.map((r) => r.cityId).sort()).toEqual(
			signatories.map((s) => s.cityId).sort()
		);
		expect(signatories.length).toBeLessThan(everyCity.length);
	});

	it('copies a campaign into a new draft without edition or dates', async () => {
		const from = await draftReady('Copied 2031', 'chosen', [cityIds.lublin!]);
		await campaigns.saveReminders(admin, from, { reminderDays: 12 });
		await campaigns.saveMessage(admin, from, { en: 'Same again' });
		await campaigns.send(admin, from, { today, origin: ORIGIN });
		const copied = await campaigns.copy(admin, from);
		if (!copied.ok) throw new Error('copy failed');
		const view = await campaigns.get(admin, copied.slug, today);
		expect(view.campaign).toMatchObject({
			status: 'draft',
			edition: '',
			target: 'chosen',
			opensOn: null,
			closesOn: null,
			reminderDays: 12,
			message: { en: 'Same again' }
		});
		expect(view.chosenCityIds).toEqual([cityIds.lublin]);
		expect(Object.keys(view.problems).sort()).toEqual(['dates', 'survey']);
	});

	it('extends the closing date, refuses a date in the past or before opening, and closes early', async () => {
		const slug = await draftReady('Extended 2031', 'chosen', [cityIds.tampere!], {
			opensOn: addDays(today, 2),
			closesOn: addDays(today, 10)
		});
		await campaigns.send(admin, slug, { today, origin: ORIGIN });
		expect((await campaigns.get(admin, slug, today)).state).toBe('scheduled');
		expect(await campaigns.changeClosing(admin, slug, addDays(today, -1), today)).toEqual({
			ok: false,
			errors: { closesOn: 'campaign_error_closes_past' }
		});
		expect(await campaigns.changeClosing(admin, slug, addDays(today, 1), today)).toEqual({
			ok: false,
			errors: { closesOn: 'campaign_error_dates_order' }
		});
		expect(await campaigns.changeClosing(admin, slug, addDays(today, 40), today)).toEqual({
			ok: true
		});
		expect((await campaigns.get(admin, slug, today)).campaign.closesOn).toBe(addDays(today, 40));
		expect(await campaigns.closeEarly(admin, slug)).toEqual({ ok: true });
		expect((await campaigns.get(admin, slug, today)).state).toBe('closed');
		expect(await campaigns.closeEarly(admin, slug)).toEqual({
			ok: false,
			errors: { _form: 'campaign_error_not_sent' }
		});
		expect(await campaigns.changeClosing(admin, slug, addDays(today, 50), today)).toMatchObject({
			ok: false
		});
	});

	it('reopens a submitted response and declines a request, telling the coordinators', async () => {
		const slug = await draftReady('Reopen 2031', 'chosen', [cityIds.lublin!, cityIds.tampere!]);
		await campaigns.send(admin, slug, { today, origin: ORIGIN });
		const [c] = await db().select().from(campaign).where(eq(campaign.slug, slug));
		const responses = await db()
			.select()
			.from(surveyResponse)
			.where(eq(surveyResponse.campaignId, c!.id));
		const lublin = responses.find((r) => r.cityId === cityIds.lublin)!;
		const tampere = responses.find((r) => r.cityId === cityIds.tampere)!;

		expect(await campaigns.reopen(admin, slug, lublin.id, ORIGIN)).toEqual({
			ok: false,
			errors: { _form: 'campaign_error_not_submitted' }
		});
		const asked = {
			status: 'submitted' as const,
			submittedAt: new Date(),
			reopenRequestedAt: new Date(),
			reopenReason: 'A figure was wrong'
		};
		await db().update(surveyResponse).set(asked).where(eq(surveyResponse.id, lublin.id));
		await db().update(surveyResponse).set(asked).where(eq(surveyResponse.id, tampere.id));
		const before = (await mailsAbout(slug)).length;

		expect(await campaigns.reopen(admin, slug, lublin.id, ORIGIN)).toEqual({
			ok: true,
			cityName: 'Lublin'
		});
		const [reopened] = await db()
			.select()
			.from(surveyResponse)
			.where(eq(surveyResponse.id, lublin.id));
		expect(reopened).toMatchObject({
			status: 'in_progress',
			reopenRequestedAt: null,
			reopenReason: null
		});
		expect(reopened!.reopenedAt).toBeInstanceOf(Date);
		expect(await campaigns.reopen(admin, slug, lublin.id, ORIGIN)).toMatchObject({ ok: false });

		expect(
			await campaigns.declineReopen(
				admin,
				slug,
				{ responseId: tampere.id, reason: 'The figures are already published.' },
				ORIGIN
			)
		).toEqual({ ok: true, cityName: 'Tampere' });
		const [declined] = await db()
			.select()
			.from(surveyResponse)
			.where(eq(surveyResponse.id, tampere.id));
		expect(declined).toMatchObject({ status: 'submitted', reopenRequestedAt: null });
		expect(
			await campaigns.declineReopen(admin, slug, { responseId: tampere.id, reason: 'x' }, ORIGIN)
		).toEqual({ ok: false, errors: { _form: 'campaign_error_no_request' } });
		expect(
			await campaigns.reopen(admin, slug, '00000000-0000-4000-8000-000000000000', ORIGIN)
		).toEqual({ ok: false, errors: { _form: 'campaign_error_not_found' } });

		const mails = (await mailsAbout(slug)).slice(0);
		expect(mails.length - before).toBe(3);
		const reopenMails = mails.filter((m) => m.purpose === 'survey-reopen');
		expect(reopenMails.map((m) => m.to).sort()).toEqual([
			'coordinator.lublin@example.org',
			'coordinator.tampere@example.org',
			'lena@lublin.test'
		]);
		const toTampere = reopenMails.find((m) => m.to === 'coordinator.tampere@example.org')!;
		expect(toTampere.subject).toMatch(/a été refusée/);
		expect(toTampere.text).toContain('The figures are already published.');
		expect(await statusOf(campaigns.reopen(coordinator, slug, lublin.id, ORIGIN))).toBe(403);
	});

	it('reminds cities that have not submitted once per reminder window', async () => {
		const slug = await draftReady('Reminded 2031', 'chosen', [cityIds.lublin!, cityIds.tampere!], {
			opensOn: today,
			closesOn: addDays(today, 3)
		});
		await campaigns.saveReminders(admin, slug, { reminderDays: 5 });
		await campaigns.send(admin, slug, { today, origin: ORIGIN });
		const [c] = await db().select().from(campaign).where(eq(campaign.slug, slug));
		// Tampere submitted: only Lublin's two coordinators are reminded.
		await db()
			.update(surveyResponse)
			.set({ status: 'submitted', submittedAt: new Date() })
			.where(
				and(eq(surveyResponse.campaignId, c!.id), eq(surveyResponse.cityId, cityIds.tampere!))
			);
		const reminders = async () =>
			(await mailsAbout(slug)).filter((m) => m.purpose === 'survey-reminder');

		await campaigns.sendSurveyReminders(today, ORIGIN);
		const first = await reminders();
		expect(first.map((m) => m.to).sort()).toEqual([
			'coordinator.lublin@example.org',
			'lena@lublin.test'
		]);
		expect(first.find((m) => m.to === 'lena@lublin.test')!.subject).toMatch(/^Erinnerung/);
		// Again the same day, and the next day: the window's reminder was sent.
		await campaigns.sendSurveyReminders(today, ORIGIN);
		await campaigns.sendSurveyReminders(addDays(today, 1), ORIGIN);
		expect(await reminders()).toHaveLength(2);

		// A later closing date opens a new window: one more reminder once it begins, not before.
		await campaigns.changeClosing(admin, slug, addDays(today, 30), today);
		await campaigns.sendSurveyReminders(addDays(today, 2), ORIGIN);
		expect(await reminders()).toHaveLength(2);
		await campaigns.sendSurveyReminders(addDays(today, 26), ORIGIN);
		expect(await reminders()).toHaveLength(4);
		await campaigns.sendSurveyReminders(addDays(today, 27), ORIGIN);
		expect(await reminders()).toHaveLength(4);
	});
});
