import type { PageServerLoad } from './$types';
import * as charter from '#lib/server/charter/service.ts';

export const load: PageServerLoad = async ({ locals }) => ({
	charter: await charter.getCharter(locals.actor)
});
