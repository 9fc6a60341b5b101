import type { RequestHandler } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import { respond } from '#lib/server/api/http.ts';
import { toAssessmentList } from '#lib/server/api/assessments.ts';

/**
 * A city's self-assessments, newest first, for its coordinators and contributors. Without a
 * session: 401; another city's id or an id that is not one: 404, as if it did not exist.
 */
export const GET: RequestHandler = ({ locals, params }) =>
	respond('private', async () => {
		const cityId = params.cityId.toLowerCase();
		return toAssessmentList(cityId, await assessments.listOfCity(locals.actor, cityId));
	});
