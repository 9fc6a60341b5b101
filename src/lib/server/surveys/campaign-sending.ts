// Survey campaigns, reaching the cities: sending a draft, moving the closing date, closing early, reopening a response or declining to; apart because each mails the coordinators.
// Every exported service function starts with its access check (survey.manage).
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import { appOrigin } from '../auth/auth.ts';
import * as audit from '../audit/service.ts';
import * as mail from '../mail/service.ts';
import type { Localized } from './definition.ts';
import * as queries from './campaign-queries.ts';
import {
	declinedMail,
	invitationMail,
	reopenedMail,
	type CampaignMailContext
} from './campaign-messages.ts';
import {
	fail,
	loadCampaign,
	mailContext,
	targetCityIds,
	utcToday,
	type Outcome
} from './campaign-common.ts';
import { draftProblems } from './campaign-drafts.ts';

/**
 * Sends a complete draft: one response (not started) per target city, and a mail to every
 * coordinator of those cities in their language. Sending twice is refused (the status moves
 * from draft to sent in one conditional update).
 */
export async function send(
	actor: Actor | null,
	slug: string,
	options: { today?: string; origin?: string } = {}
): Promise<Outcome<{ targets: number; mailed: number }>> {
	requireAccess(actor, 'survey.manage');
	const today = options.today ?? utcToday();
	const origin = options.origin ?? appOrigin();
	const d = await db();
	const { campaign: c, survey } = await loadCampaign(d, slug);
	if (c.status !== 'draft') return fail({ _form: 'campaign_error_already_sent' });
	const cityIds = await targetCityIds(d, c);
	const problems = draftProblems(c, cityIds.length, today);
	if (Object.keys(problems).length) return fail(problems);
	const sent = await d.transaction(async (tx) => {
		const updated = await queries.updateCampaign(
			tx,
			c.id,
			{ status: 'sent', sentAt: new Date() },
			'draft'
		);
		if (!updated) return null;
		await queries.insertResponses(tx, c.id, cityIds);
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'campaign.send',
			entityType: 'campaign',
			entityId: c.id,
			after: { targets: cityIds.length }
		});
		return updated;
	});
	if (!sent) return fail({ _form: 'campaign_error_already_sent' });
	const names = new Map((await queries.listAllCities(d)).map((x) => [x.id, x.name]));
	let mailed = 0;
	for (const r of await queries.coordinatorsOf(d, cityIds)) {
		const ctx = mailContext(r, names.get(r.cityId!) ?? '', sent, survey.title, origin);
		await mail.send({ to: r.email, ...invitationMail(ctx, sent.message) });
		mailed += 1;
	}
	return { ok: true, targets: cityIds.length, mailed };
}

/** Moves a sent campaign's closing date (usually later): not in the past, after opening. */
export async function changeClosing(
	actor: Actor | null,
	slug: string,
	closesOn: string,
	today = utcToday()
): Promise<Outcome> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const { campaign: c } = await loadCampaign(d, slug);
	if (c.status !== 'sent') return fail({ closesOn: 'campaign_error_not_sent' });
	if (closesOn < today) return fail({ closesOn: 'campaign_error_closes_past' });
	if (c.opensOn && closesOn <= c.opensOn) return fail({ closesOn: 'campaign_error_dates_order' });
	await d.transaction(async (tx) => {
		await queries.updateCampaign(tx, c.id, { closesOn }, 'sent');
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'campaign.closing',
			entityType: 'campaign',
			entityId: c.id,
			before: { closesOn: c.closesOn },
			after: { closesOn }
		});
	});
	return { ok: true };
}

/** Closes a sent campaign now: the cities can no longer answer. */
export async function closeEarly(actor: Actor | null, slug: string): Promise<Outcome> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const { campaign: c } = await loadCampaign(d, slug);
	if (c.status !== 'sent') return fail({ _form: 'campaign_error_not_sent' });
	await d.transaction(async (tx) => {
		await queries.updateCampaign(tx, c.id, { status: 'closed', closedAt: new Date() }, 'sent');
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'campaign.close',
			entityType: 'campaign',
			entityId: c.id
		});
	});
	return { ok: true };
}

async function mailCoordinators(
	d: Db,
	cityId: string,
	cityName: string,
	c: queries.Campaign,
	surveyTitle: Localized,
	origin: string,
	build: (ctx: CampaignMailContext) => { subject: string; text: string; purpose: string }
) {
	for (const r of await queries.coordinatorsOf(d, [cityId])) {
		await mail.send({ to: r.email, ...build(mailContext(r, cityName, c, surveyTitle, origin)) });
	}
}

/**
 * Reopens a submitted response (the city asked, or the network decided): it is in progress
 * again, any request is cleared, and the city's coordinators are told.
 */
export async function reopen(
	actor: Actor | null,
	slug: string,
	responseId: string,
	origin: string = appOrigin()
): Promise<Outcome<{ cityName: string }>> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const { campaign: c, survey } = await loadCampaign(d, slug);
	const found = await queries.findResponse(d, c.id, responseId);
	if (!found) return fail({ _form: 'campaign_error_not_found' });
	if (c.status !== 'sent') return fail({ _form: 'campaign_error_not_sent' });
	if (found.response.status !== 'submitted') return fail({ _form: 'campaign_error_not_submitted' });
	const done = await d.transaction(async (tx) => {
		const updated = await queries.updateResponse(
			tx,
			found.response.id,
			{
				status: 'in_progress',
				reopenedAt: new Date(),
				reopenRequestedAt: null,
				reopenReason: null
			},
			'submitted'
		);
		if (updated) {
			await audit.record(tx, {
				actorUserId: actor.userId,
				action: 'survey_response.reopen',
				entityType: 'survey_response',
				entityId: updated.id,
				cityId: updated.cityId
			});
		}
		return updated;
	});
	if (!done) return fail({ _form: 'campaign_error_not_submitted' });
	await mailCoordinators(d, done.cityId, found.cityName, c, survey.title, origin, reopenedMail);
	return { ok: true, cityName: found.cityName };
}

/** Declines a city's request to reopen, with the reason mailed to its coordinators. */
export async function declineReopen(
	actor: Actor | null,
	slug: string,
	input: { responseId: string; reason: string },
	origin: string = appOrigin()
): Promise<Outcome<{ cityName: string }>> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const { campaign: c, survey } = await loadCampaign(d, slug);
	const found = await queries.findResponse(d, c.id, input.responseId);
	if (!found) return fail({ _form: 'campaign_error_not_found' });
	if (!found.response.reopenRequestedAt) return fail({ _form: 'campaign_error_no_request' });
	await d.transaction(async (tx) => {
		await queries.updateResponse(tx, found.response.id, {
			reopenRequestedAt: null,
			reopenReason: null
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'survey_response.reopen_decline',
			entityType: 'survey_response',
			entityId: found.response.id,
			cityId: found.response.cityId,
			after: { reason: input.reason }
		});
	});
	await mailCoordinators(d, found.response.cityId, found.cityName, c, survey.title, origin, (ctx) =>
		declinedMail(ctx, input.reason)
	);
	return { ok: true, cityName: found.cityName };
}
