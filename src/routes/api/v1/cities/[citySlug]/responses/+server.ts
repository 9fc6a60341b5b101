import type { RequestHandler } from './$types';
import * as responseApi from '#lib/server/surveys/response-api.ts';
import { respond, slugParam } from '#lib/server/api/http.ts';

/**
 * A city's own survey responses (each campaign's status, the answers keyed by question), for
 * its coordinators and contributors. Without a session: 401; anyone else or no such city: 404.
 */
export const GET: RequestHandler = ({ locals, params }) =>
	respond('private', async () =>
		responseApi.responsesOfCity(locals.actor, slugParam(params.citySlug))
	);
