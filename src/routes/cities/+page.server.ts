import type { PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const [list, network] = await Promise.all([
		cities.list(locals.actor),
		cities.network(locals.actor)
	]);
	return {
		network: network ? { name: network.name, description: network.description } : null,
		cities: list.map((c) => ({
			slug: c.slug,
			name: c.name,
			country: c.country,
			signatory: c.signatory
		}))
	};
};
