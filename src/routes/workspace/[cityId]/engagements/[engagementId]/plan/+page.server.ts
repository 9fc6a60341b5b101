// An engagement's action plan lives with the city's plans: open it there, made the first time
// the implementing city comes; the mentor city, before that, learns it is not started yet.
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, engagementId } = event.params;
	const planId = await plans.openForEngagement(actor, cityId, engagementId);
	redirect(303, `/workspace/${cityId}/plans${planId ? `/${planId}` : '?not-started'}`);
};
