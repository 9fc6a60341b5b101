import type { PageServerLoad } from './$types';
import * as mentoring from '#lib/server/mentoring/service.ts';
import { positionForReport } from '#lib/server/assessments/distributions.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, engagementId, assessmentId } = event.params;
	const shared = await mentoring.sharedReport(actor, { id: engagementId, cityId }, assessmentId);
	return { ...shared, position: await positionForReport(actor, assessmentId) };
};
