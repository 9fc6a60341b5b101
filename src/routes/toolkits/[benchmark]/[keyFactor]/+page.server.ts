import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import { versionParam } from '#lib/server/benchmarks/params.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const found = await benchmarks.getKeyFactor(
		locals.actor,
		params.benchmark,
		params.keyFactor,
		versionParam(url)
	);
	if (!found) error(404, 'Not found');
	return found;
};
