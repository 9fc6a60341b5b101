import type { LayoutServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: LayoutServerLoad = async (event) => {
	const actor = requireUser(event);
	const city = await cities.workspace(actor, event.params.cityId);
	const role = actor.memberships.find((m) => m.cityId === city.id)?.role ?? null;
	return { city: { id: city.id, name: city.name, slug: city.slug }, role };
};
