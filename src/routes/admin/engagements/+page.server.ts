import type { PageServerLoad } from './$types';
import * as mentoring from '#lib/server/mentoring/service.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return {
		engagements: await mentoring.listAll(actor),
		created: event.url.searchParams.get('created')
	};
};
