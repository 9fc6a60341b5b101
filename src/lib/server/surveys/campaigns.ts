// Survey campaigns, reading them: a campaign's state, the list, one campaign's page, the choices for a draft; apart from preparing, sending and reminding, which change them.
// Every exported service function starts with its access check (survey.manage).
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as queries from './campaign-queries.ts';
import { loadCampaign, targetCityIds, utcToday } from './campaign-common.ts';
import { draftProblems } from './campaign-drafts.ts';

export { utcToday };

export type CampaignState = 'draft' | 'scheduled' | 'open' | 'closed';

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
