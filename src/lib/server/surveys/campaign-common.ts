// What the campaign service files share (loading a campaign, its target cities, the mails' context); not a service: no access checks, never imported by routes.
import { error } from '@sveltejs/kit';
import { isLocale, type Locale } from '../../paraglide/runtime.js';
import type { Db } from '../db/index.ts';
import type { FieldErrors } from '../validation.ts';
import type { Localized } from './definition.ts';
import * as queries from './campaign-queries.ts';
import type { CampaignMailContext } from './campaign-messages.ts';

export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

/** Today as the job_run table and date inputs have it ("YYYY-MM-DD", UTC). */
export function utcToday(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

export function fail(errors: FieldErrors): { ok: false; errors: FieldErrors } {
	return { ok: false, errors };
}

function localeOf(value: string | null | undefined): Locale {
	return value && isLocale(value) ? value : 'en';
}

export async function loadCampaign(d: Db, slug: string) {
	if (!slug || slug.length > 200) error(404, 'Not found');
	const found = await queries.findCampaignWithSurvey(d, slug);
	if (!found) error(404, 'Not found');
	return found;
}

/** The cities a campaign goes to now (for a draft) by its target group. */
export async function targetCityIds(d: Db, c: queries.Campaign): Promise<string[]> {
	if (c.target === 'chosen') return queries.chosenCityIds(d, c.id);
	if (c.target === 'signatories') return queries.signatoryCityIds(d);
	return (await queries.listAllCities(d)).map((x) => x.id);
}

export function mailContext(
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
