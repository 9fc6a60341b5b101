// The cities' map as the /cities page shows it: every city's band for the chosen figure, its
// point on the map, the markers and the table's order. Computing it reads every city and
// projects each one (60 ms for 10,000 cities), so each process keeps it per figure and reader
// language until a counter of cache_version moves: 'figures' (a city added, changed or
// removed, a signature, an assessment submitted or published) and, for the number of
// practices, 'practices'. One primary-key read per page instead of the work.
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import { versionOf } from '../cache/queries.ts';
import * as cities from '../cities/service.ts';
import * as assessments from '../assessments/service.ts';
import * as practices from '../practices/service.ts';
import { cityMap } from './europe.ts';
import {
	MARKERS_ONE_BY_ONE,
	TABLE_PAGE_SIZE,
	bandOf,
	markerPath,
	type Figure
} from '#lib/city-map.ts';
import { countryName } from '#lib/format.ts';

/** Marker size in the map's units. */
const R = 10;

async function compute(actor: Actor | null, figure: Figure, locale: string) {
	const [list, scores, practiceCounts] = await Promise.all([
		cities.list(actor),
		figure === 'score' ? assessments.latestPublishedScores(actor) : null,
		figure === 'practices' ? practices.publishedCountByCity(actor) : null
	]);
	const values: Record<Figure, (c: (typeof list)[number]) => boolean | number | null> = {
		charter: (c) => c.signatory,
		score: (c) => scores?.get(c.id) ?? null,
		practices: (c) => practiceCounts?.get(c.slug) ?? 0
	};
	const map = cityMap(list);
	const points = new Map(map.points.map((p) => [p.slug, p]));
	// One name per country, not one per city (DisplayNames is costly to make 10,000 times).
	const names = new Map<string, string>();
	const nameOf = (code: string) => {
		let name = names.get(code);
		if (name === undefined) names.set(code, (name = countryName(code)));
		return name;
	};
	const all = list.map((c) => {
		const p = points.get(c.slug);
		const value = values[figure](c);
		return {
			slug: c.slug,
			name: c.name,
			countryName: nameOf(c.country),
			value,
			band: bandOf(figure, value),
			point: p ? { x: p.x, y: p.y } : null
		};
	});
	const placed = all.filter((c) => c.point);
	const bandCounts: Record<string, number> = {};
	for (const c of all) bandCounts[c.band.key] = (bandCounts[c.band.key] ?? 0) + 1;
	// The table's order: by country, then name, in the reader's language.
	const collator = new Intl.Collator(locale);
	all.sort(
		(a, b) => collator.compare(a.countryName, b.countryName) || collator.compare(a.name, b.name)
	);
	const oneByOne = placed.length <= MARKERS_ONE_BY_ONE;
	return {
		map: { width: map.width, height: map.height, countries: map.countries },
		total: all.length,
		placedCount: placed.length,
		bandCounts,
		markers: oneByOne
			? placed.map((c) => ({ slug: c.slug, name: c.name, value: c.value, point: c.point! }))
			: null,
		bandPaths: oneByOne
			? null
			: Object.fromEntries(
					Object.entries(Object.groupBy(placed, (c) => c.band.key)).map(([key, group]) => [
						key,
						(group ?? []).map((c) => markerPath(c.band.shape, c.point!.x, c.point!.y, R)).join('')
					])
				),
		rows: all.map((c) => ({
			slug: c.slug,
			name: c.name,
			countryName: c.countryName,
			value: c.value,
			placed: c.point !== null
		}))
	};
}
type View = Awaited<ReturnType<typeof compute>>;

const kept = new WeakMap<Db, Map<string, { at: string; view: Promise<View> }>>();

async function fingerprint(d: Db, figure: Figure) {
	const [figures, library] = await Promise.all([
		versionOf(d, 'figures'),
		figure === 'practices' ? versionOf(d, 'practices') : 0
	]);
	return `${figures}|${library}`;
}

/**
 * The map and a page of the table (TABLE_PAGE_SIZE rows; a page out of range is the first)
 * for a figure, with names in the reader's language.
 */
export async function cityMapView(
	actor: Actor | null,
	figure: Figure,
	locale: string,
	page: number
) {
	requireAccess(actor, 'content.read');
	const d = await db();
	let byKey = kept.get(d);
	if (!byKey) kept.set(d, (byKey = new Map()));
	const key = `${figure}|${locale}`;
	const at = await fingerprint(d, figure);
	let entry = byKey.get(key);
	if (entry?.at !== at) {
		const view = compute(actor, figure, locale);
		entry = { at, view };
		byKey.set(key, entry);
		view.catch(() => {
			if (byKey.get(key)?.view === view) byKey.delete(key);
		});
	}
	const { rows, ...view } = await entry.view;
	const pages = Math.max(1, Math.ceil(rows.length / TABLE_PAGE_SIZE));
	const current = Number.isInteger(page) && page >= 1 && page <= pages ? page : 1;
	return {
		...view,
		table: {
			page: current,
			pages,
			rows: rows.slice((current - 1) * TABLE_PAGE_SIZE, current * TABLE_PAGE_SIZE)
		}
	};
}
