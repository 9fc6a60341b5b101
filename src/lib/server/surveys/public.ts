// What anyone may read of surveys: each survey with its latest published version, that
// version's questions, and the campaigns that went out with how many cities answered. Drafts
// (of versions and of campaigns) and the cities' answers are not in it.
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as queries from './campaign-queries.ts';
import { campaignState, utcToday } from './campaigns.ts';

/** Surveys that have a published version, with that version's number. */
export async function listSurveys(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	const rows = await queries.listSurveysWithLatestPublished(await db());
	return rows.flatMap((s) =>
		s.versionNumber === null ? [] : [{ ...s, versionNumber: Number(s.versionNumber) }]
	);
}

/** A survey's latest published version, or undefined (unknown, or nothing published). */
export async function getSurvey(actor: Actor | null, slug: string) {
	requireAccess(actor, 'content.read');
	return queries.findLatestPublishedOf(await db(), slug);
}

/** Campaigns sent or closed, with their state on `today`. */
export async function listCampaigns(actor: Actor | null, today = utcToday()) {
	requireAccess(actor, 'content.read');
	const rows = await queries.listSentCampaigns(await db());
	return rows.map((r) => ({ ...r, state: campaignState(r, today) }));
}

export async function getCampaign(actor: Actor | null, slug: string, today = utcToday()) {
	requireAccess(actor, 'content.read');
	const [row] = await queries.listSentCampaigns(await db(), slug);
	return row && { ...row, state: campaignState(row, today) };
}
