// One file of the implementation log, as a download, for whoever may read the plan.
import type { RequestHandler } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { requireUser } from '#lib/server/http.ts';

export const GET: RequestHandler = async (event) => {
	const { cityId, planId, fileId } = event.params;
	const file = await plans.downloadLogFile(requireUser(event), cityId, planId, fileId);
	return new Response(file.body as BodyInit, { headers: file.headers });
};
