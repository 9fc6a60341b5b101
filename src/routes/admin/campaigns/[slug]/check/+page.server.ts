import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as campaigns from '#lib/server/surveys/campaigns.ts';
import * as sending from '#lib/server/surveys/campaign-sending.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const view = await campaigns.get(actor, event.params.slug);
	if (view.campaign.status !== 'draft') redirect(303, `/admin/campaigns/${view.campaign.slug}`);
	return { view };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const done = await sending.send(actor, event.params.slug);
		if (!done.ok) return invalid({}, done.errors);
		redirect(303, `/admin/campaigns/${event.params.slug}?done=sent`);
	}
};
