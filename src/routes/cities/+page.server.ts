import type { PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import * as map from '#lib/server/map/service.ts';
import { parseFigure } from '#lib/city-map.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async ({ locals, url }) => {
	const figure = parseFigure(url.searchParams.get('colour'));
	const page = Number(url.searchParams.get('page') ?? '1');
	const [network, view] = await Promise.all([
		cities.network(locals.actor),
		map.cityMapView(locals.actor, figure, getLocale(), page)
	]);
	return {
		network: network ? { name: network.name, description: network.description } : null,
		figure,
		...view
	};
};
