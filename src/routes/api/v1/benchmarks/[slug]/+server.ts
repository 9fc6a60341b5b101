import type { RequestHandler } from './$types';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import { notFound, respond, slugParam, versionParam } from '#lib/server/api/http.ts';
import { toBenchmark } from '#lib/server/api/benchmarks.ts';

/** A benchmark complete, current or `?version=N`. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	respond('public', async () => {
		const slug = slugParam(params.slug);
		const b = await benchmarks.getBenchmark(locals.actor, slug, versionParam(url));
		return b ? toBenchmark(b) : notFound();
	});
