import type { PageServerLoad } from './$types';
import * as mentoring from '#lib/server/mentoring/service.ts';
import { can } from '#lib/server/access/index.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId } = event.params;
	return {
		engagements: await mentoring.listOfCity(actor, cityId),
		canPropose: can(actor, 'engagement.propose', { cityId }),
		proposed: event.url.searchParams.has('proposed')
	};
};
