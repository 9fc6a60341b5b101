import { describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '../testing/database.ts';
import { city, network } from '../cities/schema.ts';
import { signatory } from '../charter/schema.ts';
import { MARKERS_ONE_BY_ONE, TABLE_PAGE_SIZE } from '#lib/city-map.ts';
import { cityMapView } from './service.ts';

describe.each(engines())('the cities map on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('draws each of a few cities, and a large network one path per band, a table page at a time', async () => {
		const small = await cityMapView(null, 'charter', 'en', 1);
		expect(small.markers?.length).toBe(small.placedCount);
		expect(small.bandPaths).toBeNull();
		expect(Object.values(small.bandCounts).reduce((a, b) => a + b, 0)).toBe(small.total);
		expect(small.table.pages).toBe(1);

		// Enough cities for the compact markers and a few pages of the table.
		const [n] = await db().select({ id: network.id }).from(network);
		await db()
			.insert(city)
			.values(
				Array.from({ length: MARKERS_ONE_BY_ONE }, (_, i) => ({
					networkId: n!.id,
					slug: `many-${i}`,
					name: `Many ${String(i).padStart(3, '0')}`,
					country: 'PL',
					latitude: 50 + (i % 40) / 10,
					longitude: 15 + (i % 50) / 10
				}))
			);
		const large = await cityMapView(null, 'charter', 'en', 2);
		expect(large.total).toBe(small.total + MARKERS_ONE_BY_ONE);
		expect(large.markers).toBeNull();
		expect(Object.keys(large.bandPaths ?? {}).sort()).toEqual(['no', 'yes']);
		expect(large.table.page).toBe(2);
		expect(large.table.rows).toHaveLength(TABLE_PAGE_SIZE);
		expect(large.table.pages).toBe(Math.ceil(large.total / TABLE_PAGE_SIZE));
		// A page out of range is the first; counts follow a new signature at once.
		expect((await cityMapView(null, 'charter', 'en', 999)).table.page).toBe(1);
		// Kept until a counter moves: a signature withdrawn shows at once.
		expect(large.bandCounts.yes ?? 0).toBeGreaterThan(0);
		await db().delete(signatory);
		const after = await cityMapView(null, 'charter', 'en', 1);
		expect(after.bandCounts.yes ?? 0).toBe(0);
		expect(after.bandCounts.no).toBe(after.total);
	});
});
