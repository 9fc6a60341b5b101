import type { PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import * as mentoring from '#lib/server/mentoring/service.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, planId } = event.params;
	const plan = await plans.fullPlan(actor, planId, cityId);
	// An engagement's plan is reported with what the two cities wrote: needs, strengths, visits…
	const e = plan.plan.engagement;
	const engagement = e ? await mentoring.get(actor, { id: e.id, cityId }) : null;
	return {
		...plan,
		engagement: engagement && { parts: engagement.parts, visits: engagement.visits }
	};
};
