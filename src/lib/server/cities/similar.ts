/**
 * "Similar cities": the one definition the app uses, for the network's peer groups and for
 * ranking cities like a given one (e.g. possible mentors). Pure functions, no database.
 *
 * A peer group is a population band and a migrant-share band. The migrant share is the share
 * of residents with a migrant background when known, else the share of foreign nationals (a
 * narrower measure, so a city known only by it may sit one band lower than it would by the
 * other). A figure that is not known is a band of its own ("unknown"), so that no city is left
 * out of the figures, but an unknown band never makes two cities "alike" when ranking.
 */

/** Upper bounds (exclusive) of the population bands: under 250,000; up to 500,000; 1 million. */
export const POPULATION_BOUNDS = [250_000, 500_000, 1_000_000] as const;
export const populationBands = ['lt-250k', '250k-500k', '500k-1m', '1m-plus', 'unknown'] as const;
export type PopulationBand = (typeof populationBands)[number];

/** Upper bounds (exclusive) of the migrant-share bands, in percent: under 10, 20, 30. */
export const MIGRANT_SHARE_BOUNDS = [10, 20, 30] as const;
export const migrantShareBands = ['lt-10', '10-20', '20-30', '30-plus', 'unknown'] as const;
export type MigrantShareBand = (typeof migrantShareBands)[number];

export interface PeerGroup {
	population: PopulationBand;
	migrantShare: MigrantShareBand;
}

/** What the definition reads of a city (a row of the city table has all of it). */
export interface CityTraits {
	country: string;
	population: number | null;
	migrantBackgroundShare: number | null;
	foreignNationalsShare: number | null;
}

function isKnown(value: number | null | undefined): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function band<B extends string>(value: number, bounds: readonly number[], bands: readonly B[]): B {
	const i = bounds.findIndex((bound) => value < bound);
	return bands[i === -1 ? bounds.length : i]!;
}

export function populationBand(population: number | null): PopulationBand {
	if (!isKnown(population)) return 'unknown';
	return band(population, POPULATION_BOUNDS, populationBands);
}

/** The share used for the band (percent), or null when neither figure is known. */
export function migrantShareOf(
	city: Pick<CityTraits, 'migrantBackgroundShare' | 'foreignNationalsShare'>
): number | null {
	if (isKnown(city.migrantBackgroundShare)) return city.migrantBackgroundShare;
	if (isKnown(city.foreignNationalsShare)) return city.foreignNationalsShare;
	return null;
}

export function migrantShareBand(
	city: Pick<CityTraits, 'migrantBackgroundShare' | 'foreignNationalsShare'>
): MigrantShareBand {
	const share = migrantShareOf(city);
	return share === null ? 'unknown' : band(share, MIGRANT_SHARE_BOUNDS, migrantShareBands);
}

export function peerGroupOf(city: Omit<CityTraits, 'country'>): PeerGroup {
	return { population: populationBand(city.population), migrantShare: migrantShareBand(city) };
}

/** A peer group as one URL-safe word, e.g. "250k-500k_unknown" (for a GET form). */
export function peerGroupKey(group: PeerGroup): string {
	return `${group.population}_${group.migrantShare}`;
}

/** The peer group a key names, or null for anything else. */
export function parsePeerGroup(key: string | null | undefined): PeerGroup | null {
	if (!key) return null;
	const [population, migrantShare, rest] = key.split('_');
	if (rest !== undefined) return null;
	if (!(populationBands as readonly string[]).includes(population ?? '')) return null;
	if (!(migrantShareBands as readonly string[]).includes(migrantShare ?? '')) return null;
	return {
		population: population as PopulationBand,
		migrantShare: migrantShare as MigrantShareBand
	};
}

export function samePeerGroup(a: PeerGroup, b: PeerGroup): boolean {
	return a.population === b.population && a.migrantShare === b.migrantShare;
}

/** Every peer group, in band order (population first), for selectors. */
export function allPeerGroups(): PeerGroup[] {
	return populationBands.flatMap((population) =>
		migrantShareBands.map((migrantShare) => ({ population, migrantShare }))
	);
}

/** Sorts peer groups in band order. */
export function comparePeerGroups(a: PeerGroup, b: PeerGroup): number {
	return (
		populationBands.indexOf(a.population) - populationBands.indexOf(b.population) ||
		migrantShareBands.indexOf(a.migrantShare) - migrantShareBands.indexOf(b.migrantShare)
	);
}

export interface Likeness {
	/** Both population bands known and equal. */
	population: boolean;
	/** Both migrant-share bands known and equal. */
	migrantShare: boolean;
	country: boolean;
	/** 0–3: one for each of the above. */
	score: number;
}

/**
 * How alike city b is to city a, for ranking "cities like this one": one point for the same
 * population band, one for the same migrant-share band (an unknown band matches nothing), one
 * for the same country.
 */
export function likeness(a: CityTraits, b: CityTraits): Likeness {
	const ga = peerGroupOf(a);
	const gb = peerGroupOf(b);
	const population = ga.population !== 'unknown' && ga.population === gb.population;
	const migrantShare = ga.migrantShare !== 'unknown' && ga.migrantShare === gb.migrantShare;
	const country = a.country === b.country;
	return { population, migrantShare, country, score: +population + +migrantShare + +country };
}
