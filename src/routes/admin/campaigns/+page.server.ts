import type { PageServerLoad } from './$types';
import * as campaigns from '#lib/server/surveys/campaigns.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { campaigns: await campaigns.list(actor) };
};
