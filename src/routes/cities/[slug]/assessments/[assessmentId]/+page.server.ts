import type { PageServerLoad } from './$types';
import { publishedReport } from '#lib/server/assessments/http.ts';
import { positionForReport } from '#lib/server/assessments/distributions.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const report = await publishedReport(locals.actor, params.slug, params.assessmentId);
	return { report, position: await positionForReport(locals.actor, params.assessmentId) };
};
