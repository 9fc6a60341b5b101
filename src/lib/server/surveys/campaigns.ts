// Survey campaigns, the network's side: a draft prepared one topic at a time, sent to a target
// group (one response per city, a mail to each coordinator), extended, closed early; a city's
// request to reopen its submitted response granted or declined; and the daily reminders.
// Every exported function but the job starts with its access check (survey.manage).
import { error } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { isLocale, type Locale } from '../../paraglide/runtime.js';
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import { appOrigin } from '../auth/auth.ts';
import * as audit from '../audit/service.ts';
import * as mail from '../mail/service.ts';
import type { FieldErrors } from '../validation.ts';
import type { Localized } from './definition.ts';
import * as queries from './campaign-queries.ts';
import {
	declinedMail,
	invitationMail,
	reminderMail,
	reopenedMail,
	type CampaignMailContext
} from './campaign-messages.ts';
import type { Step } from './campaign-forms.ts';

export type CampaignState = 'draft' | 'scheduled' | 'open' | 'closed';
export type Target = 'signatories' | 'members' | 'chosen';
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

/** Today as the job_run table and date inputs have it ("YYYY-MM-DD", UTC). */
export function utcToday(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

/**
 * What a campaign is on `today`: a draft; scheduled (sent, not yet open); open; or closed
 * (early, or its closing day has passed).
 */
export function campaignState(
	c: { status: 'draft' | 'sent' | 'closed'; opensOn: string | null; closesOn: string | null },
	today: string
): CampaignState {
	if (c.status === 'draft') return 'draft';
	if (c.status === 'closed') return 'closed';
	if (c.closesOn && c.closesOn < today) return 'closed';
	if (c.opensOn && c.opensOn > today) return 'scheduled';
	return 'open';
}

function fail(errors: FieldErrors): { ok: false; errors: FieldErrors } {
	return { ok: false, errors };
}

function localeOf(value: string | null | undefined): Locale {
	return value && isLocale(value) ? value : 'en';
}

/** A campaign's address: the survey's slug and the edition ("charter-monitoring-2027"). */
function slugPart(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}

async function freeSlug(d: Db, surveySlug: string, edition: string, exceptId?: string) {
	const part = slugPart(edition) || `draft-${randomBytes(3).toString('hex')}`;
	const base = `${surveySlug}-${part}`.slice(0, 110).replace(/-+$/, '');
	let slug = base;
	for (let n = 2; await queries.slugTaken(d, slug, exceptId); n += 1) slug = `${base}-${n}`;
	return slug;
}

async function loadCampaign(d: Db, slug: string) {
	if (!slug || slug.length > 200) error(404, 'Not found');
	const found = await queries.findCampaignWithSurvey(d, slug);
	if (!found) error(404, 'Not found');
	return found;
}

/** Every campaign, newest first, with its state on `today` and its response rate. */
export async function list(actor: Actor | null, today = utcToday()) {
	requireAccess(actor, 'survey.manage');
	const rows = await queries.listCampaigns(await db());
	return rows.map((r) => ({ ...r, state: campaignState(r, today) }));
}

/** The surveys a campaign may be of; one without a published version cannot be chosen. */
export async function surveyChoices(actor: Actor | null) {
	requireAccess(actor, 'survey.manage');
	return queries.listSurveysWithLatestPublished(await db());
}

/** The cities a campaign may be sent to, for the chosen cities' list. */
export async function cityChoices(actor: Actor | null) {
	requireAccess(actor, 'survey.manage');
	return queries.listAllCities(await db());
}

/** Checks the survey (it exists and has a published version) and the edition's name. */
async function checkSurveyAndEdition(d: Db, surveyId: string, edition: string, exceptId?: string) {
	const choice = (await queries.listSurveysWithLatestPublished(d)).find((s) => s.id === surveyId);
	if (!choice) return fail({ surveyId: 'campaign_error_survey_required' });
	if (!choice.versionId) return fail({ surveyId: 'campaign_error_survey_unpublished' });
	if (await queries.editionTaken(d, surveyId, edition, exceptId)) {
		return fail({ edition: 'campaign_error_edition_taken' });
	}
	return { ok: true as const, survey: choice, versionId: choice.versionId };
}

/** Starts a draft: a survey (its latest published version) and the edition's name. */
export async function createDraft(
	actor: Actor | null,
	input: { surveyId: string; edition: string }
): Promise<Outcome<{ slug: string }>> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const checked = await checkSurveyAndEdition(d, input.surveyId, input.edition);
	if (!checked.ok) return checked;
	const slug = await freeSlug(d, checked.survey.slug, input.edition);
	const row = await d.transaction(async (tx) => {
		const c = await queries.insertCampaign(tx, {
			slug,
			surveyId: checked.survey.id,
			versionId: checked.versionId,
			edition: input.edition,
			target: 'members',
			status: 'draft',
			createdBy: actor.userId
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'campaign.create',
			entityType: 'campaign',
			entityId: c.id,
			after: { slug, edition: input.edition }
		});
		return c;
	});
	return { ok: true, slug: row.slug };
}

/** A draft for the editing steps; anything else cannot change (a notice, not an error page). */
async function loadDraft(d: Db, slug: string) {
	const found = await loadCampaign(d, slug);
	if (found.campaign.status !== 'draft') return null;
	return found;
}

const NOT_DRAFT = { _form: 'campaign_error_not_draft' };

/** Changes a draft's survey and edition (the address follows the edition). */
export async function saveSurvey(
	actor: Actor | null,
	slug: string,
	input: { surveyId: string; edition: string }
): Promise<Outcome<{ slug: string }>> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const found = await loadDraft(d, slug);
	if (!found) return fail(NOT_DRAFT);
	const checked = await checkSurveyAndEdition(d, input.surveyId, input.edition, found.campaign.id);
	if (!checked.ok) return checked;
	const newSlug = await freeSlug(d, checked.survey.slug, input.edition, found.campaign.id);
	await queries.updateCampaign(
		d,
		found.campaign.id,
		{
			surveyId: checked.survey.id,
			versionId: checked.versionId,
			edition: input.edition,
			slug: newSlug
		},
		'draft'
	);
	return { ok: true, slug: newSlug };
}

/** Who the draft goes to; chosen cities must be at least one, all of them known. */
export async function saveTarget(
	actor: Actor | null,
	slug: string,
	input: { target: Target; cityIds: string[] }
): Promise<Outcome> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const found = await loadDraft(d, slug);
	if (!found) return fail(NOT_DRAFT);
	let cityIds: string[] = [];
	if (input.target === 'chosen') {
		const known = new Set((await queries.listAllCities(d)).map((c) => c.id));
		cityIds = [...new Set(input.cityIds)].filter((id) => known.has(id));
		if (!cityIds.length) return fail({ cityIds: 'campaign_error_no_cities' });
	}
	await d.transaction(async (tx) => {
		await queries.updateCampaign(tx, found.campaign.id, { target: input.target }, 'draft');
		await queries.replaceChosenCities(tx, found.campaign.id, cityIds);
	});
	return { ok: true };
}

/** The draft's dates: closing after opening, neither in the past. */
export async function saveDates(
	actor: Actor | null,
	slug: string,
	input: { opensOn: string; closesOn: string },
	today = utcToday()
): Promise<Outcome> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const found = await loadDraft(d, slug);
	if (!found) return fail(NOT_DRAFT);
	const errors: FieldErrors = {};
	if (input.opensOn < today) errors.opensOn = 'campaign_error_opens_past';
	if (input.closesOn < today) errors.closesOn = 'campaign_error_closes_past';
	if (Object.keys(errors).length) return fail(errors);
	await queries.updateCampaign(d, found.campaign.id, input, 'draft');
	return { ok: true };
}

export async function saveReminders(
	actor: Actor | null,
	slug: string,
	input: { reminderDays: number }
): Promise<Outcome> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const found = await loadDraft(d, slug);
	if (!found) return fail(NOT_DRAFT);
	await queries.updateCampaign(d, found.campaign.id, input, 'draft');
	return { ok: true };
}

export async function saveMessage(
	actor: Actor | null,
	slug: string,
	message: Localized
): Promise<Outcome> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const found = await loadDraft(d, slug);
	if (!found) return fail(NOT_DRAFT);
	await queries.updateCampaign(d, found.campaign.id, { message }, 'draft');
	return { ok: true };
}

/** The cities a campaign goes to now (for a draft) by its target group. */
async function targetCityIds(d: Db, c: queries.Campaign): Promise<string[]> {
	if (c.target === 'chosen') return queries.chosenCityIds(d, c.id);
	if (c.target === 'signatories') return queries.signatoryCityIds(d);
	return (await queries.listAllCities(d)).map((x) => x.id);
}

/** Which steps of a draft are done, and what is missing before it can be sent. */
function draftProblems(
	c: queries.Campaign,
	targets: number,
	today: string
): Partial<Record<Step, string>> {
	const problems: Partial<Record<Step, string>> = {};
	if (!c.edition.trim()) problems.survey = 'campaign_error_edition_required';
	if (!targets) problems.target = 'campaign_error_no_cities';
	if (!c.opensOn || !c.closesOn) problems.dates = 'campaign_error_dates_missing';
	else if (c.closesOn < today) problems.dates = 'campaign_error_closes_past';
	else if (c.closesOn <= c.opensOn) problems.dates = 'campaign_error_dates_order';
	return problems;
}

/**
 * A campaign as its admin page shows it: survey, dates, state, and for a draft its chosen
 * cities and what is missing; once sent, each target city's response.
 */
export async function get(actor: Actor | null, slug: string, today = utcToday()) {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const { campaign: c, survey, versionNumber } = await loadCampaign(d, slug);
	const draft = c.status === 'draft';
	const chosen = draft ? await queries.chosenCityIds(d, c.id) : [];
	const targets = draft ? await targetCityIds(d, c) : [];
	const responses = draft ? [] : await queries.listResponses(d, c.id);
	return {
		campaign: c,
		survey: { id: survey.id, slug: survey.slug, title: survey.title },
		versionNumber,
		state: campaignState(c, today),
		chosenCityIds: chosen,
		targetCount: draft ? targets.length : responses.length,
		submitted: responses.filter((r) => r.status === 'submitted').length,
		problems: draft ? draftProblems(c, targets.length, today) : {},
		responses
	};
}

function mailContext(
	r: { name: string; email: string; locale: string | null; cityId: string | null },
	cityName: string,
	c: queries.Campaign,
	surveyTitle: Localized,
	origin: string
): CampaignMailContext & { email: string } {
	return {
		name: r.name,
		email: r.email,
		locale: localeOf(r.locale),
		origin,
		cityId: r.cityId!,
		cityName,
		campaignSlug: c.slug,
		surveyTitle,
		edition: c.edition,
		closesOn: c.closesOn!
	};
}

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

/**
 * A new draft from a campaign: the same survey (its latest published version), target group,
 * chosen cities, reminder days and message; the edition and dates are the admin's to fill.
 */
export async function copy(actor: Actor | null, slug: string): Promise<Outcome<{ slug: string }>> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const { campaign: c, survey } = await loadCampaign(d, slug);
	const choice = (await queries.listSurveysWithLatestPublished(d)).find((s) => s.id === survey.id);
	if (!choice?.versionId) return fail({ _form: 'campaign_error_survey_unpublished' });
	const cityIds =
		c.target !== 'chosen'
			? []
			: c.status === 'draft'
				? await queries.chosenCityIds(d, c.id)
				: (await queries.listResponses(d, c.id)).map((r) => r.cityId);
	const newSlug = await freeSlug(d, survey.slug, '');
	await d.transaction(async (tx) => {
		const row = await queries.insertCampaign(tx, {
			slug: newSlug,
			surveyId: survey.id,
			versionId: choice.versionId!,
			edition: '',
			target: c.target,
			status: 'draft',
			reminderDays: c.reminderDays,
			message: c.message,
			createdBy: actor.userId
		});
		await queries.replaceChosenCities(tx, row.id, cityIds);
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'campaign.copy',
			entityType: 'campaign',
			entityId: row.id,
			before: { from: c.slug }
		});
	});
	return { ok: true, slug: newSlug };
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

/**
 * The daily job (see jobs/scheduler.ts): for each open campaign whose closing day is within
 * its reminder days, the coordinators of each target city that has not submitted get one mail
 * in their language. A response is reminded at most once per reminder window (the days from
 * closing − reminderDays to closing): lastRemindedAt is set before the mails go, so a run
 * taken up again after a crash mails no one twice; moving the closing date later opens a new
 * window, and so one more reminder. Run by the scheduler, not by a person: no actor.
 */
export async function sendSurveyReminders(
	today: string,
	origin: string = appOrigin()
): Promise<string> {
	const d = await db();
	const rows = await queries.responsesToRemind(d, today);
	let mails = 0;
	const campaigns = new Map<string, queries.Campaign>();
	// The run's day, never earlier than now: a run for a later day (tests, a late catch-up)
	// counts as a reminder of that day's window.
	const remindedAt = new Date(Math.max(Date.now(), Date.parse(`${today}T00:00:00Z`)));
	for (const r of rows) {
		const claimed = await queries.updateResponse(d, r.responseId, { lastRemindedAt: remindedAt });
		if (!claimed) continue;
		let c = campaigns.get(r.campaignId);
		if (!c) {
			c = (await queries.findCampaignWithSurvey(d, r.campaignSlug))!.campaign;
			campaigns.set(r.campaignId, c);
		}
		for (const person of await queries.coordinatorsOf(d, [r.cityId])) {
			const ctx = mailContext(person, r.cityName, c, r.surveyTitle, origin);
			await mail.send({ to: person.email, ...reminderMail(ctx) });
			mails += 1;
		}
	}
	return `${mails} mails about ${rows.length} responses`;
}
