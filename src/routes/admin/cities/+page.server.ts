import type { PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { requireAccess } from '#lib/server/access/index.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	requireAccess(actor, 'city.create');
	const list = await cities.list(actor);
	return {
		cities: list.map((c) => ({ id: c.id, slug: c.slug, name: c.name, country: c.country })),
		created: event.url.searchParams.get('created')?.slice(0, 120) ?? null
	};
};
