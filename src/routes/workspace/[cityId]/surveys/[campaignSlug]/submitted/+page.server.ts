import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as responses from '#lib/server/surveys/responses.ts';
import { textIn } from '#lib/server/surveys/view.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, campaignSlug } = event.params;
	const view = await responses.overview(actor, cityId, campaignSlug);
	if (view.answering !== 'submitted') redirect(303, `/workspace/${cityId}/surveys/${campaignSlug}`);
	const c = view.campaign;
	return {
		campaign: {
			slug: c.slug,
			edition: c.edition,
			title: textIn(c.surveyTitle, getLocale()),
			submittedAt: c.submittedAt
		}
	};
};
