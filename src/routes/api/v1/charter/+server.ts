import type { RequestHandler } from './$types';
import * as charter from '#lib/server/charter/service.ts';
import { respond } from '#lib/server/api/http.ts';
import { toCharter } from '#lib/server/api/charter.ts';

/** The Charter: commitments by role, the cities that signed it, how many had signed when. */
export const GET: RequestHandler = ({ locals }) =>
	respond('public', async () => toCharter(await charter.getCharter(locals.actor)));
