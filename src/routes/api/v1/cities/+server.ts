import type { RequestHandler } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { respond } from '#lib/server/api/http.ts';
import { toCityList } from '#lib/server/api/cities.ts';

/** The cities of the network. */
export const GET: RequestHandler = ({ locals }) =>
	respond('public', async () => toCityList(await cities.list(locals.actor)));
