import type { PageServerLoad } from './$types';
import * as results from '#lib/server/surveys/results.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals, params }) => ({
	results: await results.campaignResults(locals.actor, params.campaignSlug, getLocale())
});
