import { describe, expect, it } from 'vitest';
import {
	allPeerGroups,
	comparePeerGroups,
	likeness,
	migrantShareBand,
	parsePeerGroup,
	peerGroupKey,
	peerGroupOf,
	populationBand,
	samePeerGroup
} from './similar.ts';

const city = (
	country: string,
	population: number | null,
	migrantBackgroundShare: number | null = null,
	foreignNationalsShare: number | null = null
) => ({ country, population, migrantBackgroundShare, foreignNationalsShare });

describe('population bands', () => {
	it('cuts at 250,000, 500,000 and 1 million, the bound in the band above', () => {
		expect(populationBand(0)).toBe('lt-250k');
		expect(populationBand(249_999)).toBe('lt-250k');
		expect(populationBand(250_000)).toBe('250k-500k');
		expect(populationBand(347_678)).toBe('250k-500k');
		expect(populationBand(500_000)).toBe('500k-1m');
		expect(populationBand(999_999)).toBe('500k-1m');
		expect(populationBand(1_000_000)).toBe('1m-plus');
		expect(populationBand(3_700_000)).toBe('1m-plus');
	});

	it('puts an unknown or impossible population in a band of its own', () => {
		expect(populationBand(null)).toBe('unknown');
		expect(populationBand(-1)).toBe('unknown');
		expect(populationBand(Number.NaN)).toBe('unknown');
	});
});

describe('migrant-share bands', () => {
	it('uses the migrant-background share, else the foreign nationals share', () => {
		expect(migrantShareBand(city('DE', null, 42, 24))).toBe('30-plus');
		expect(migrantShareBand(city('DE', null, null, 24))).toBe('20-30');
		expect(migrantShareBand(city('DE', null, 9.9))).toBe('lt-10');
		expect(migrantShareBand(city('DE', null, 10))).toBe('10-20');
		expect(migrantShareBand(city('DE', null, 20))).toBe('20-30');
		expect(migrantShareBand(city('DE', null, 30))).toBe('30-plus');
		expect(migrantShareBand(city('DE', null))).toBe('unknown');
	});
});

describe('peer groups', () => {
	it('combine both bands, and round-trip through their key', () => {
		const lublin = peerGroupOf(city('PL', 347_678));
		expect(lublin).toEqual({ population: '250k-500k', migrantShare: 'unknown' });
		expect(peerGroupKey(lublin)).toBe('250k-500k_unknown');
		for (const g of allPeerGroups()) expect(parsePeerGroup(peerGroupKey(g))).toEqual(g);
		expect(allPeerGroups()).toHaveLength(25);
	});

	it('refuse keys that name no peer group', () => {
		for (const key of [null, undefined, '', 'lt-250k', 'lt-250k_', 'x_unknown', 'lt-250k_x']) {
			expect(parsePeerGroup(key)).toBeNull();
		}
		expect(parsePeerGroup('lt-250k_lt-10_extra')).toBeNull();
	});

	it('sort in band order', () => {
		const keys = ['unknown_unknown', '1m-plus_lt-10', 'lt-250k_30-plus', 'lt-250k_lt-10'];
		const sorted = keys
			.map((k) => parsePeerGroup(k)!)
			.sort(comparePeerGroups)
			.map(peerGroupKey);
		expect(sorted).toEqual([
			'lt-250k_lt-10',
			'lt-250k_30-plus',
			'1m-plus_lt-10',
			'unknown_unknown'
		]);
	});

	it('are the same only when both bands are', () => {
		const a = peerGroupOf(city('FI', 215_000, 12));
		expect(samePeerGroup(a, peerGroupOf(city('PL', 100_000, 19)))).toBe(true);
		expect(samePeerGroup(a, peerGroupOf(city('FI', 215_000, 21)))).toBe(false);
	});
});

describe('likeness', () => {
	it('counts the same known bands and the same country', () => {
		const tampere = city('FI', 215_000, 12);
		expect(likeness(tampere, city('FI', 200_000, 15))).toMatchObject({
			population: true,
			migrantShare: true,
			country: true,
			score: 3
		});
		expect(likeness(tampere, city('PL', 200_000, 35)).score).toBe(1);
		expect(likeness(tampere, city('PL', 900_000, 35)).score).toBe(0);
	});

	it('never counts an unknown band as alike', () => {
		const unknown = city('DE', null);
		expect(likeness(unknown, city('FR', null))).toMatchObject({
			population: false,
			migrantShare: false,
			score: 0
		});
		expect(likeness(unknown, city('DE', null)).score).toBe(1);
	});
});
