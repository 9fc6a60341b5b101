import type { RequestHandler } from './$types';
import * as mentoring from '#lib/server/mentoring/service.ts';
import * as plans from '#lib/server/mentoring/plans.ts';
import { notFound, respond, slugParam } from '#lib/server/api/http.ts';
import { engagementVisibility, toEngagement } from '#lib/server/api/mentoring.ts';

/**
 * An accepted engagement: its public summary for everyone; with its parts, visits and plan's
 * id (then private) for those who may open it. A proposal, a declined one or an unknown slug:
 * 404.
 */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(engagementVisibility, async () => {
		const summary = await mentoring.publicSummary(locals.actor, slugParam(params.slug));
		if (!summary) notFound();
		const id = summary.workspaceId;
		const [full, planId] = id
			? await Promise.all([mentoring.get(locals.actor, id), plans.idOfEngagement(locals.actor, id)])
			: [null, null];
		return toEngagement(summary, full, planId);
	});
