import type { RequestHandler } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { respond } from '#lib/server/api/http.ts';
import { toMembers } from '#lib/server/api/cities.ts';

/**
 * A city's members and open invitations, for people of that city who may see them. Without a
 * session: 401; another city's id or an id that is not one: 404, as if it did not exist.
 */
export const GET: RequestHandler = ({ locals, params }) =>
	respond('private', async () => {
		const cityId = params.cityId.toLowerCase();
		return toMembers(cityId, await cities.members(locals.actor, cityId));
	});
