// Survey campaigns, preparing a draft one topic at a time (and a new edition copied from a campaign): apart because nothing here reaches the cities.
// Every exported service function starts with its access check (survey.manage).
import { randomBytes } from 'node:crypto';
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import type { FieldErrors } from '../validation.ts';
import type { Localized } from './definition.ts';
import * as queries from './campaign-queries.ts';
import type { Step } from './campaign-forms.ts';
import { fail, loadCampaign, utcToday, type Outcome } from './campaign-common.ts';

export type Target = 'signatories' | 'members' | 'chosen';

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

/** Which steps of a draft are done, and what is missing before it can be sent. */
export function draftProblems(
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
