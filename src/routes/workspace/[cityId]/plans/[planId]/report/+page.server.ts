import type { PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const { cityId, planId } = event.params;
	return plans.fullPlan(requireUser(event), planId, cityId);
};
