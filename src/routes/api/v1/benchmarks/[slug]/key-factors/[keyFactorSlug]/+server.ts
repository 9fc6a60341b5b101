import type { RequestHandler } from './$types';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import { notFound, respond, slugParam, versionParam } from '#lib/server/api/http.ts';
import { toKeyFactorView } from '#lib/server/api/benchmarks.ts';

/** One key factor of a benchmark with its neighbours, current or `?version=N`. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	respond('public', async () => {
		const found = await benchmarks.getKeyFactor(
			locals.actor,
			slugParam(params.slug),
			slugParam(params.keyFactorSlug),
			versionParam(url)
		);
		return found ? toKeyFactorView(found) : notFound();
	});
