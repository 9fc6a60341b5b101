import { describe, expect, it } from 'vitest';
import { basemap, cityMap, extentOf, WIDTH } from './europe.ts';

const cities = [
	{ slug: 'berlin', latitude: 52.52, longitude: 13.405 },
	{ slug: 'lublin', latitude: 51.25, longitude: 22.57 },
	{ slug: 'lisbon', latitude: 38.72, longitude: -9.14 },
	{ slug: 'tampere', latitude: 61.5, longitude: 23.76 },
	{ slug: 'nowhere', latitude: null, longitude: null }
];

describe('the cities map', () => {
	const map = cityMap(cities);
	const point = (slug: string) => map.points.find((p) => p.slug === slug)!;

	it('places Lublin inside the view box, east of Berlin', () => {
		const lublin = point('lublin');
		const berlin = point('berlin');
		expect(map.width).toBe(WIDTH);
		expect(map.height).toBeGreaterThan(0);
		for (const p of [lublin, berlin]) {
			expect(p.x).toBeGreaterThan(0);
			expect(p.x).toBeLessThan(map.width);
			expect(p.y).toBeGreaterThan(0);
			expect(p.y).toBeLessThan(map.height);
		}
		expect(lublin.x).toBeGreaterThan(berlin.x);
		// North is up: Tampere above Berlin, Lisbon below.
		expect(point('tampere').y).toBeLessThan(berlin.y);
		expect(point('lisbon').y).toBeGreaterThan(berlin.y);
	});

	it('lists the cities without coordinates apart', () => {
		expect(map.points.map((p) => p.slug)).not.toContain('nowhere');
		expect(map.unplaced).toEqual(['nowhere']);
	});

	it('draws the countries as non-empty SVG paths', () => {
		expect(map.countries.length).toBeGreaterThan(20);
		for (const d of map.countries) {
			expect(d).toMatch(/^M[-\d.]/);
			expect(d.length).toBeGreaterThan(3);
		}
		// Clipped to the view and thinned: light enough to send with the page.
		expect(map.countries.join('').length).toBeLessThan(200_000);
	});

	it('builds the countries once for the same cities', () => {
		const again = cityMap([...cities].reverse());
		expect(again.countries).toBe(map.countries);
		expect(basemap(cities)).toBe(basemap(cities));
	});

	it('fits the margin around the cities, and Europe when no city has coordinates', () => {
		expect(extentOf(cities)).toEqual({ west: -12.14, east: 26.76, south: 35.72, north: 64.5 });
		const empty = cityMap([{ slug: 'x', latitude: null, longitude: null }]);
		expect(empty.points).toEqual([]);
		expect(empty.countries.length).toBeGreaterThan(20);
	});
});
