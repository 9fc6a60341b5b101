import type { PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import * as assessments from '#lib/server/assessments/service.ts';
import * as practices from '#lib/server/practices/service.ts';
import { cityMap } from '#lib/server/map/europe.ts';
import { parseFigure, type Figure } from '#lib/city-map.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const figure = parseFigure(url.searchParams.get('colour'));
	const [list, network, scores, practiceCounts] = await Promise.all([
		cities.list(locals.actor),
		cities.network(locals.actor),
		figure === 'score' ? assessments.latestPublishedScores(locals.actor) : null,
		figure === 'practices' ? practices.publishedCountByCity(locals.actor) : null
	]);
	const values: Record<Figure, (c: (typeof list)[number]) => boolean | number | null> = {
		charter: (c) => c.signatory,
		score: (c) => scores?.get(c.id) ?? null,
		practices: (c) => practiceCounts?.get(c.slug) ?? 0
	};
	const map = cityMap(list);
	const points = new Map(map.points.map((p) => [p.slug, p]));
	return {
		network: network ? { name: network.name, description: network.description } : null,
		figure,
		map: { width: map.width, height: map.height, countries: map.countries },
		cities: list.map((c) => {
			const p = points.get(c.slug);
			return {
				slug: c.slug,
				name: c.name,
				country: c.country,
				signatory: c.signatory,
				value: values[figure](c),
				point: p ? { x: p.x, y: p.y } : null
			};
		})
	};
};
