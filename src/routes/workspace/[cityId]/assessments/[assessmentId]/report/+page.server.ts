import type { PageServerLoad } from './$types';
import { reportOfCity } from '#lib/server/assessments/http.ts';
import * as groupViews from '#lib/server/assessments/group-views.ts';
import { positionForReport } from '#lib/server/assessments/distributions.ts';
import { can } from '#lib/server/access/index.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, assessmentId } = event.params;
	const report = await reportOfCity(actor, cityId, assessmentId);
	// The groups' views are the city's own (network admins of a shared report do not see them).
	const [differences, position] = await Promise.all([
		can(actor, 'assessment.read', { cityId })
			? groupViews.groupDifferences(actor, assessmentId)
			: Promise.resolve(null),
		positionForReport(actor, assessmentId)
	]);
	return { report, differences, position };
};
