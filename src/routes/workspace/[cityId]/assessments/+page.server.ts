import type { PageServerLoad } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import { can } from '#lib/server/access/index.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const cityId = event.params.cityId;
	const list = await assessments.listOfCity(actor, cityId);
	return {
		assessments: list.map((a) => ({
			id: a.id,
			cycle: a.cycle,
			status: a.status,
			benchmarkTitle: a.benchmarkTitle,
			benchmarkVersion: a.benchmarkVersion,
			updatedAt: a.updatedAt,
			submittedAt: a.submittedAt
		})),
		canManage: can(actor, 'assessment.manage', { cityId })
	};
};
