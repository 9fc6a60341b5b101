import type { PageServerLoad } from './$types';
import * as benchmarks from '#lib/server/benchmarks/service.ts';

export const load: PageServerLoad = async ({ locals }) => ({
	themes: await benchmarks.listThemes(locals.actor)
});
