import type { RequestHandler } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import * as charter from '#lib/server/charter/service.ts';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import { notFound, respond, slugParam } from '#lib/server/api/http.ts';
import { toCity } from '#lib/server/api/cities.ts';

/** One city with its figures (current and history), its Charter signature and its examples. */
export const GET: RequestHandler = ({ locals, params }) =>
	respond('public', async () => {
		const city = await cities.bySlug(locals.actor, slugParam(params.slug));
		if (!city) notFound();
		const [signatory, examples, facts] = await Promise.all([
			charter.signatoryOfCity(locals.actor, city.id),
			benchmarks.examplesOfCity(locals.actor, city.id),
			cities.facts(locals.actor, city.id)
		]);
		return toCity(city, signatory, examples, facts);
	});
