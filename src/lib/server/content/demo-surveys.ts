// The demo's open survey: this year's Charter monitoring, sent to every member city, so that a
// coordinator trying the platform on a laptop finds a survey to answer (never seeded otherwise).
import type { Db } from '../db/index.ts';
import * as cityQueries from '../cities/queries.ts';
import * as surveyQueries from '../surveys/queries.ts';

export const demoCampaignSlug = 'charter-monitoring-demo';

function isoDay(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export async function seedDemoCampaign(d: Db, now = new Date()) {
	if (await surveyQueries.findCampaignBySlug(d, demoCampaignSlug)) return;
	const s = await surveyQueries.findSurveyBySlug(d, 'charter-monitoring');
	if (!s) return;
	const version = await surveyQueries.findLatestPublishedVersion(d, s.id);
	if (!version) return;
	const day = 24 * 3600 * 1000;
	const campaign = await surveyQueries.insertCampaign(d, {
		slug: demoCampaignSlug,
		surveyId: s.id,
		versionId: version.id,
		edition: String(now.getUTCFullYear()),
		target: 'members',
		status: 'sent',
		opensOn: isoDay(new Date(now.getTime() - 3 * day)),
		closesOn: isoDay(new Date(now.getTime() + 28 * day)),
		sentAt: now
	});
	for (const c of await cityQueries.listCities(d)) {
		await surveyQueries.insertResponse(d, { campaignId: campaign.id, cityId: c.id });
	}
}
