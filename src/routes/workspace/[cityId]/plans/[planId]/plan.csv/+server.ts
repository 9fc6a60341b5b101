import type { RequestHandler } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { actionsCsv, exportName } from '#lib/server/mentoring/plan-export.ts';
import { csvResponse } from '#lib/server/csv.ts';
import { requireUser } from '#lib/server/http.ts';

/** The plan's actions as CSV, for whoever may read the plan. */
export const GET: RequestHandler = async (event) => {
	const { cityId, planId } = event.params;
	const p = await plans.fullPlan(requireUser(event), planId, cityId);
	return csvResponse(actionsCsv(p), exportName(p, 'plan'));
};
