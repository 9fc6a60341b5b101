import type { RequestHandler } from './$types';
import { report } from '#lib/server/assessments/report.ts';
import { respond } from '#lib/server/api/http.ts';
import { reportVisibility, toReport } from '#lib/server/api/assessments.ts';

/** The report of an assessment, for whoever may read the assessment (see ../+server.ts). */
export const GET: RequestHandler = ({ locals, params }) =>
	respond(reportVisibility(locals.actor), async () =>
		toReport(await report(locals.actor, params.assessmentId.toLowerCase()))
	);
