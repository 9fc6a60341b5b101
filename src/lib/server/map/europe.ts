// The network's map: Natural Earth's countries (world-atlas, 1:50m, read from node_modules, so
// it works offline) projected with d3-geo onto Lambert azimuthal equal-area, fitted to the
// cities' extent plus a margin. The country paths are built once per process for an extent;
// the cities' points are projected on every call, which is cheap.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoAzimuthalEqualArea, geoPath, type GeoProjection, type GeoStream } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';

/** The map's width in SVG units; its height follows from the cities' extent. */
export const WIDTH = 800;
/** Degrees added around the cities' extent. */
const MARGIN = 3;
/** Projected points nearer than this (SVG units) to the previous one are dropped. */
const TOLERANCE = 2;
/** Where the map is centred when no city has coordinates. */
const EUROPE = { west: -10, east: 30, south: 36, north: 64 };

export interface Located {
	slug: string;
	latitude: number | null;
	longitude: number | null;
}

export interface MapPoint {
	slug: string;
	x: number;
	y: number;
}

export interface Basemap {
	width: number;
	height: number;
	/** One SVG path per country that shows on the map. */
	countries: string[];
	project: (longitude: number, latitude: number) => [number, number] | null;
}

export interface CityMap {
	width: number;
	height: number;
	countries: string[];
	points: MapPoint[];
	/** Slugs of the cities without coordinates: in the table only. */
	unplaced: string[];
}

let topology: Topology<{ countries: GeometryCollection }> | undefined;

function countriesTopology() {
	if (!topology) {
		const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
		topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{
			countries: GeometryCollection;
		}>;
	}
	return topology;
}

function hasCoordinates(c: Located): c is Located & { latitude: number; longitude: number } {
	return (
		typeof c.latitude === 'number' &&
		typeof c.longitude === 'number' &&
		Number.isFinite(c.latitude) &&
		Number.isFinite(c.longitude) &&
		Math.abs(c.latitude) <= 90 &&
		Math.abs(c.longitude) <= 180
	);
}

/** The cities' extent in degrees plus the margin (a default extent of Europe when none). */
export function extentOf(cities: Located[]) {
	const placed = cities.filter(hasCoordinates);
	if (placed.length === 0) return EUROPE;
	const lons = placed.map((c) => c.longitude);
	const lats = placed.map((c) => c.latitude);
	return {
		west: Math.max(-180, Math.min(...lons) - MARGIN),
		east: Math.min(180, Math.max(...lons) + MARGIN),
		south: Math.max(-89, Math.min(...lats) - MARGIN),
		north: Math.min(89, Math.max(...lats) + MARGIN)
	};
}

/** Drops points nearer than TOLERANCE to the previous one: the 1:50m coast, lighter. */
function thin(sink: GeoStream): GeoStream {
	let last: [number, number] | null = null;
	return {
		point(x, y) {
			if (!last || Math.hypot(x - last[0], y - last[1]) >= TOLERANCE) {
				last = [x, y];
				sink.point(x, y);
			}
		},
		lineStart() {
			last = null;
			sink.lineStart();
		},
		lineEnd() {
			sink.lineEnd();
		},
		polygonStart() {
			sink.polygonStart();
		},
		polygonEnd() {
			sink.polygonEnd();
		},
		sphere() {
			sink.sphere?.();
		}
	};
}

const round = (v: number) => Math.round(v * 10) / 10;

function buildBasemap(extent: ReturnType<typeof extentOf>): Basemap {
	const { west, east, south, north } = extent;
	const midLon = (west + east) / 2;
	const midLat = (south + north) / 2;
	const box = {
		type: 'MultiPoint' as const,
		coordinates: [
			[west, south],
			[east, south],
			[west, north],
			[east, north],
			[midLon, south],
			[midLon, north],
			[west, midLat],
			[east, midLat]
		]
	};
	const projection: GeoProjection = geoAzimuthalEqualArea()
		.rotate([-midLon, -midLat])
		.fitWidth(WIDTH, box);
	const height = Math.max(1, Math.ceil(geoPath(projection).bounds(box)[1][1]));
	projection.clipExtent([
		[0, 0],
		[WIDTH, height]
	]);
	const path = geoPath({ stream: (s) => projection.stream(thin(s)) }).digits(1);
	const t = countriesTopology();
	const countries = feature(t, t.objects.countries)
		.features.map((f) => path(f) ?? '')
		.filter((d) => d.length > 0);
	return {
		width: WIDTH,
		height,
		countries,
		project(longitude, latitude) {
			const p = projection([longitude, latitude]);
			if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
			return [round(p[0]), round(p[1])];
		}
	};
}

/** One basemap per extent, kept for the process (the network's cities rarely move). */
const basemaps = new Map<string, Basemap>();
const KEPT = 8;

export function basemap(cities: Located[]): Basemap {
	const extent = extentOf(cities);
	const key = [extent.west, extent.east, extent.south, extent.north]
		.map((v) => v.toFixed(3))
		.join();
	let map = basemaps.get(key);
	if (!map) {
		map = buildBasemap(extent);
		if (basemaps.size >= KEPT) basemaps.delete(basemaps.keys().next().value!);
		basemaps.set(key, map);
	}
	return map;
}

/** The map of these cities: country paths and one point per city with coordinates. */
export function cityMap(cities: Located[]): CityMap {
	const map = basemap(cities);
	const points: MapPoint[] = [];
	const unplaced: string[] = [];
	for (const c of cities) {
		const p = hasCoordinates(c) ? map.project(c.longitude, c.latitude) : null;
		if (p) points.push({ slug: c.slug, x: p[0], y: p[1] });
		else unplaced.push(c.slug);
	}
	return { width: map.width, height: map.height, countries: map.countries, points, unplaced };
}
