import type { PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return {
		...(await plans.planLog(actor, event.params.cityId, event.params.planId)),
		logged: event.url.searchParams.has('logged')
	};
};
