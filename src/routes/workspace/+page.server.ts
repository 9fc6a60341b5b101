import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { requireUser } from '#lib/server/http.ts';

/** The signed-in person's cities; with exactly one, straight to its workspace. */
export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { everyCity, cities: list } = await cities.workspaces(actor);
	const [only] = list;
	if (list.length === 1 && only) redirect(303, `/workspace/${only.id}`);
	return {
		everyCity,
		cities: list.map((c) => ({ id: c.id, name: c.name, country: c.country, role: c.role }))
	};
};
