import type { RequestHandler } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import { respond } from '#lib/server/api/http.ts';
import { assessmentVisibility, toAssessment } from '#lib/server/api/assessments.ts';

/**
 * One assessment with the city's answers and context notes: for its city's coordinators and
 * contributors, network admins once shared, everyone once published (then publicly cacheable).
 * Without a session on one that is not published: 401; one you may not read, or an id that
 * names none: 404.
 */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(assessmentVisibility, async () =>
		toAssessment(await assessments.get(locals.actor, params.assessmentId.toLowerCase()))
	);
