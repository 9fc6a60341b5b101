import type { PageServerLoad } from './$types';
import * as dashboard from '#lib/server/dashboard/service.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => ({
	figures: await dashboard.figures(requireUser(event), getLocale())
});
