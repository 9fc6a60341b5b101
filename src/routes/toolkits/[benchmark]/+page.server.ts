import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import { versionParam } from '#lib/server/benchmarks/params.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const found = await benchmarks.getBenchmark(locals.actor, params.benchmark, versionParam(url));
	if (!found) error(404, 'Not found');
	// The page lists key factors; their questions and examples live on their own pages, so
	// only their counts travel with this one.
	const { keyFactors, ...benchmark } = found;
	return {
		benchmark: {
			...benchmark,
			keyFactors: keyFactors.map((k) => ({
				number: k.number,
				slug: k.slug,
				title: k.title,
				statement: k.statement,
				questionCount: k.guideQuestions.length,
				exampleCount: k.examples.length
			}))
		}
	};
};
