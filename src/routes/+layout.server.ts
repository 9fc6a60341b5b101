import type { LayoutServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { isNetworkAdmin } from '#lib/server/access/index.ts';

export const load: LayoutServerLoad = async ({ locals }) => {
	const actor = locals.actor;
	if (!actor) return { user: null };
	const memberships = await cities.myCities(actor);
	return {
		user: {
			name: actor.name,
			email: actor.email,
			emailVerified: actor.emailVerified,
			isAdmin: isNetworkAdmin(actor),
			cities: memberships.flatMap((c) =>
				c.cityId && c.cityName ? [{ id: c.cityId, name: c.cityName, role: c.role }] : []
			)
		}
	};
};
