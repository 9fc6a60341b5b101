import type { PageServerLoad } from './$types';
import * as trend from '#lib/server/surveys/results-trend.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { trend: await trend.surveyTrend(actor, event.params.slug, getLocale()) };
};
