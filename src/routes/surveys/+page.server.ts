import type { PageServerLoad } from './$types';
import * as results from '#lib/server/surveys/results.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals }) => ({
	campaigns: await results.publishedCampaigns(locals.actor, getLocale())
});
