// The map of the network's cities on /cities, without JavaScript: a marker per city with
// coordinates, the same cities in the table, and the figure chosen with a GET form.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { root } from './support/server.ts';
import { cities } from './support/content.ts';
import { CityMapPage } from './pages/CityMapPage.ts';

const { context } = useBrowser();

const signatories = (
	JSON.parse(readFileSync(join(root, 'content', 'signatories.json'), 'utf8')) as {
		signatories: { citySlug: string }[];
	}
).signatories.map((s) => s.citySlug);

/** How many of the seeded (published) practices each city takes part in. */
const seededPractices = new Map<string, number>();
for (const p of (
	JSON.parse(readFileSync(join(root, 'content', 'practices.json'), 'utf8')) as {
		practices: { cities: string[] }[];
	}
).practices) {
	for (const slug of new Set(p.cities)) {
		seededPractices.set(slug, (seededPractices.get(slug) ?? 0) + 1);
	}
}

describe('the map of the cities', () => {
	test('shows a marker per city with coordinates, and the table says the same', async () => {
		const page = new CityMapPage(await (await context()).newPage());
		expect(await page.goto()).toBe(200);
		expect(await page.countryPaths()).toBeGreaterThan(20);
		expect(await page.mapLabel()).toContain(en('map_figure_charter'));

		const markers = await page.markers();
		const rows = await page.rows();
		// Every city of the content has coordinates, so a marker; cities added by other
		// journeys without coordinates are in the table only, and marked so.
		for (const c of cities) expect(markers.map((m) => m.slug)).toContain(c.slug);
		expect(markers.map((m) => m.slug).sort()).toEqual(
			rows
				.filter((r) => r.onMap)
				.map((r) => r.slug)
				.sort()
		);
		expect(new Set(markers.map((m) => m.slug)).size).toBe(markers.length);

		// The default figure: Charter signatory, in the legend, the markers and the table.
		expect(await page.legendTitle()).toBe(en('map_figure_charter'));
		expect(await page.legend()).toEqual([en('map_charter_yes'), en('map_charter_no')]);
		expect(await page.valueHeader()).toBe(en('map_figure_charter'));
		// The legend counts every city of the table once.
		expect((await page.legendCounts()).reduce((a, b) => a + b, 0)).toBe(rows.length);
		const seeded = new Set(cities.map((c) => c.slug));
		for (const r of rows) {
			// Other journeys add cities and may record their signature (signatories.test.ts).
			const signed = seeded.has(r.slug) ? signatories.includes(r.slug) : r.value === en('map_yes');
			expect(r.value).toBe(en(signed ? 'map_yes' : 'map_no'));
			const marker = markers.find((m) => m.slug === r.slug);
			if (marker) {
				expect(marker.band).toBe(signed ? 'yes' : 'no');
				expect(marker.title).toBe(`${r.city}: ${r.value}`);
			}
		}
	});

	test('switching to the assessment score changes the legend and the table', async () => {
		const page = new CityMapPage(await (await context()).newPage());
		expect(await page.goto()).toBe(200);
		await page.show(en('map_figure_score'));
		expect(page.path).toBe('/cities?colour=score');
		expect(await page.legendTitle()).toBe(en('map_figure_score'));
		expect(await page.legend()).toEqual([
			en('map_score_high'),
			en('map_score_mid'),
			en('map_score_low'),
			en('map_score_none')
		]);
		expect(await page.valueHeader()).toBe(en('map_figure_score'));
		expect(await page.page.locator('#colour').inputValue()).toBe('score');

		const rows = await page.rows();
		const markers = await page.markers();
		// Lublin published its 2014 assessment (the demo content): it has a score.
		const lublin = rows.find((r) => r.slug === 'lublin')!;
		expect(lublin.value).toMatch(/^\d{1,3}%$/);
		for (const r of rows) expect(r.value).toMatch(/^(\d{1,3}%|None)$/);
		const bands = new Set(['high', 'mid', 'low', 'none']);
		for (const m of markers) expect(bands.has(m.band)).toBe(true);
		expect(markers.find((m) => m.slug === 'lublin')!.band).not.toBe('none');
	});

	test('switching to the published practices shows how many each city takes part in', async () => {
		const page = new CityMapPage(await (await context()).newPage());
		expect(await page.goto()).toBe(200);
		await page.show(en('map_figure_practices'));
		expect(page.path).toBe('/cities?colour=practices');
		expect(await page.mapLabel()).toContain(en('map_figure_practices'));
		expect(await page.legendTitle()).toBe(en('map_figure_practices'));
		expect(await page.legend()).toEqual([
			en('map_practices_many'),
			en('map_practices_some'),
			en('map_practices_one'),
			en('map_practices_none')
		]);
		expect(await page.valueHeader()).toBe(en('map_figure_practices'));
		expect(await page.page.locator('#colour').inputValue()).toBe('practices');

		const rows = await page.rows();
		const markers = await page.markers();
		const bandOf = (n: number) => (n >= 5 ? 'many' : n >= 2 ? 'some' : n === 1 ? 'one' : 'none');
		for (const r of rows) {
			expect(r.value).toMatch(/^\d+$/);
			const count = Number(r.value);
			const seeded = seededPractices.get(r.slug) ?? 0;
			// Other journeys publish practices of Lublin; every other city has the seeds' count,
			// a practice of two cities (Tampere mentoring Lublin) counted for both.
			if (r.slug === 'lublin') expect(count).toBeGreaterThanOrEqual(seeded);
			else expect(count, r.slug).toBe(seeded);
			const marker = markers.find((m) => m.slug === r.slug);
			if (marker) {
				expect(marker.band).toBe(bandOf(count));
				expect(marker.title).toBe(`${r.city}: ${r.value}`);
			}
		}
		expect(rows.find((r) => r.slug === 'genoa')!.value).toBe('5');
		expect(rows.find((r) => r.slug === 'berlin')!.value).toBe('0');
		expect(markers.find((m) => m.slug === 'lublin')!.band).toBe('many');
	});

	test('an unknown figure falls back to the Charter without an error', async () => {
		const page = new CityMapPage(await (await context()).newPage());
		expect(await page.goto('nonsense')).toBe(200);
		expect(await page.legendTitle()).toBe(en('map_figure_charter'));
		expect(await page.page.locator('#colour').inputValue()).toBe('charter');
	});
});
