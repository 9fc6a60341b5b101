import type { RequestHandler } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { respond } from '#lib/server/api/http.ts';
import { toPlan } from '#lib/server/api/mentoring.ts';

/**
 * An action plan complete (actions, their key factors and questions, the implementation log)
 * for those who may read it: its city's people, and in an engagement the mentor city's and
 * network admins. Without a session: 401; a plan you may not read or no plan: 404.
 */
export const GET: RequestHandler = ({ locals, params }) =>
	respond('private', async () => toPlan(await plans.fullPlan(locals.actor, params.planId)));
