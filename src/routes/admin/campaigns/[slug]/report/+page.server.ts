import type { PageServerLoad } from './$types';
import * as results from '#lib/server/surveys/results.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return {
		results: await results.campaignResults(actor, event.params.slug, getLocale(), {
			adminView: true
		}),
		printedOn: new Date().toISOString().slice(0, 10)
	};
};
