// The practice library's search: PostgreSQL finds the practices whose words match (full-text
// search, see matching.ts); facet counts, filters, order and pages are worked out here, on
// the copy of the index each process keeps in memory (library-snapshot.ts); the matches of
// recent searches are kept for their next pages and facets.
import { db as database, type Db } from '../db/index.ts';
import { versionOf, versionsOf } from '../cache/queries.ts';
import { matching, preloadPostings } from './matching.ts';
import {
	indexFacets,
	labelsOf,
	snapshot,
	type IndexFacet,
	type Labels,
	type Snapshot
} from './library-snapshot.ts';

export { indexFacets, type IndexFacet, type Labels } from './library-snapshot.ts';

/**
 * What PostgreSQL matched for some words, as positions in the snapshot (ascending, and by
 * relevance then newest), kept for the next pages and facets of the same search.
 */
interface Matched {
	positions: Int32Array;
	byRank: Int32Array;
}
const MATCHES_KEPT = 200;
type Matches = Map<string, { version: number; found: Promise<Matched> }>;
const matchesByDb = new WeakMap<Db, Matches>();

let rankScratch = new Float64Array(0);

async function resolve(d: Db, q: string, snap: Snapshot): Promise<Matched> {
	const found = await matching(d, q, snap.version);
	// One array for all searches (what follows runs without a pause), not 800 KB each time.
	if (rankScratch.length < snap.ids.length) rankScratch = new Float64Array(snap.ids.length);
	const rankAt = rankScratch;
	const at = new Int32Array(found.seqs.length);
	let n = 0;
	for (let i = 0; i < found.seqs.length; i++) {
		// A practice published after the snapshot was read is not in it: the next request is.
		const p = snap.bySeq[found.seqs[i]!] ?? -1;
		if (p < 0) continue;
		at[n++] = p;
		rankAt[p] = found.ranks[i]!;
	}
	const positions = at.slice(0, n).sort();
	// By relevance, then newest: the ranks are few distinct values (sums of a title's and a
	// summary's weights), so the positions are dealt into one bucket per value in one pass,
	// keeping their order (newest first) in each; no comparison sort of tens of thousands.
	const counts = new Map<number, number>();
	for (const p of positions) counts.set(rankAt[p]!, (counts.get(rankAt[p]!) ?? 0) + 1);
	const starts = new Map<number, number>();
	let start = 0;
	for (const rank of [...counts.keys()].sort((a, b) => b - a)) {
		starts.set(rank, start);
		start += counts.get(rank)!;
	}
	const byRank = new Int32Array(positions.length);
	for (const p of positions) {
		const slot = starts.get(rankAt[p]!)!;
		byRank[slot] = p;
		starts.set(rankAt[p]!, slot + 1);
	}
	for (const p of positions) rankAt[p] = 0;
	return { positions, byRank };
}

function matchesOf(d: Db, q: string, snap: Snapshot) {
	let matches = matchesByDb.get(d);
	if (!matches) matchesByDb.set(d, (matches = new Map()));
	const hit = matches.get(q);
	if (hit?.version === snap.version) {
		// Most recently used last, so the oldest goes first when the map is full.
		matches.delete(q);
		matches.set(q, hit);
		return hit.found;
	}
	const found = resolve(d, q, snap);
	matches.set(q, { version: snap.version, found });
	found.catch(() => matches.delete(q));
	if (matches.size > MATCHES_KEPT) matches.delete(matches.keys().next().value!);
	return found;
}

export interface LibraryQuery {
	q?: string;
	filters: Record<IndexFacet, string[]>;
	sort: 'relevance' | 'newest';
	limit: number;
	offset: number;
	/**
	 * Facets with many values (cities) count only their most frequent ones, this many (the
	 * chosen values are always counted): 10,000 cities need not be sorted for twelve links.
	 */
	top?: Partial<Record<IndexFacet, number>>;
}

export interface LibraryAnswer {
	total: number;
	counts: Record<IndexFacet, { value: string; count: number }[]>;
	/** The ids of the practices of the page asked for, in order. */
	ids: string[];
	labels: Labels;
}

/** The positions in both ascending lists. */
function intersect(a: ArrayLike<number>, b: ArrayLike<number>): number[] {
	const out: number[] = [];
	for (let i = 0, j = 0; i < a.length && j < b.length;) {
		const x = a[i]!;
		const y = b[j]!;
		if (x === y) {
			out.push(x);
			i++;
			j++;
		} else if (x < y) i++;
		else j++;
	}
	return out;
}

const EMPTY = new Int32Array(0);

export async function searchLibrary(query: LibraryQuery, d?: Db): Promise<LibraryAnswer> {
	const conn = d ?? (await database());
	const versions = await versionsOf(conn, ['practices', 'content']);
	const [snap, labels] = await Promise.all([
		snapshot(conn, versions.practices),
		labelsOf(conn, versions.content)
	]);
	const size = snap.ids.length;

	// The chosen facet values' practices, fewest first; every one must be there.
	const chosen = indexFacets
		.flatMap((f) =>
			query.filters[f].map((value) => {
				const ref = snap.facets[f].byValue.get(value);
				return ref === undefined ? EMPTY : snap.facets[f].postings[ref]!;
			})
		)
		.sort((a, b) => a.length - b.length);

	let matched: Matched | undefined;
	let found: ArrayLike<number> | undefined;
	if (query.q) {
		matched = await matchesOf(conn, query.q, snap);
		found = matched.positions;
	}
	for (const posting of chosen) found = found ? intersect(found, posting) : posting;

	const counts = Object.fromEntries(
		indexFacets.map((f) => {
			const { offsets, refs: valueRefs, values, postings } = snap.facets[f];
			let tally: ArrayLike<number>;
			if (found) {
				// Facet by facet, so that each inner loop reads two typed arrays and writes one.
				const t = new Int32Array(values.length);
				for (let k = 0; k < found.length; k++) {
					const at = found[k]!;
					for (let j = offsets[at]!, end = offsets[at + 1]!; j < end; j++) t[valueRefs[j]!]!++;
				}
				tally = t;
			} else tally = postings.map((p) => p.length);
			const limit = query.top?.[f];
			const chosenRefs = new Set(
				query.filters[f].flatMap((v) => {
					const ref = snap.facets[f].byValue.get(v);
					return ref === undefined ? [] : [ref];
				})
			);
			// Most frequent first, then by value; with a limit, a bounded selection.
			const before = (a: number, b: number) =>
				tally[b]! - tally[a]! || (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0);
			const refs: number[] = [];
			if (limit === undefined) {
				for (let ref = 0; ref < tally.length; ref++) if (tally[ref]! > 0) refs.push(ref);
				refs.sort(before);
			} else {
				for (let ref = 0; ref < tally.length; ref++) {
					if (tally[ref]! <= 0) continue;
					if (refs.length < limit) {
						refs.push(ref);
						refs.sort(before);
					} else if (before(ref, refs[limit - 1]!) < 0) {
						refs[limit - 1] = ref;
						refs.sort(before);
					}
				}
				for (const ref of chosenRefs) if (tally[ref]! > 0 && !refs.includes(ref)) refs.push(ref);
			}
			return [f, refs.map((ref) => ({ value: values[ref]!, count: tally[ref]! }))];
		})
	) as LibraryAnswer['counts'];

	// Positions are newest first already; by relevance, the best ranked first, then newest.
	const total = found ? found.length : size;
	const from = query.offset;
	const to = Math.min(total, query.offset + query.limit);
	const page: number[] = [];
	if (query.sort === 'relevance' && matched && found) {
		let order: ArrayLike<number> = matched.byRank;
		if (found !== matched.positions) {
			const kept = new Uint8Array(size);
			for (let k = 0; k < found.length; k++) kept[found[k]!] = 1;
			order = matched.byRank.filter((at) => kept[at] === 1);
		}
		for (let k = from; k < to; k++) page.push(order[k]!);
	} else {
		for (let k = from; k < to; k++) page.push(found ? found[k]! : k);
	}
	return { total, counts, ids: page.map((at) => snap.ids[at]!), labels };
}

/**
 * For each of these key factors ("benchmark/key-factor"), the `limit` published practices
 * linked to it that score highest by their best city (`score` gives a city's score, with
 * whatever it carries; asked once per city), newest first among equals, leaving out those of
 * `exclude` (a city's slug). From the copy in memory: a report's inspiration ranks 100,000
 * practices without reading them, and without making an object for each.
 */
export async function bestLinked<T extends { score: number }>(
	values: string[],
	exclude: string,
	score: (citySlug: string) => T,
	none: T,
	limit: number,
	max: number,
	d?: Db
): Promise<Map<string, { id: string; cities: string[]; best: T }[]>> {
	const conn = d ?? (await database());
	const snap = await snapshot(conn, await versionOf(conn, 'practices'));
	const column = snap.facets.keyFactors;
	const cities = snap.facets.cities;
	const excluded = cities.byValue.get(exclude);
	const scored: (T | undefined)[] = new Array(cities.values.length);
	const out = new Map<string, { id: string; cities: string[]; best: T }[]>();
	for (const value of values) {
		const ref = column.byValue.get(value);
		const top: { at: number; best: T }[] = [];
		for (const at of ref === undefined ? [] : column.postings[ref]!) {
			if (top.length === limit && top[limit - 1]!.best.score >= max) break;
			let best = none;
			let skip = false;
			for (let j = cities.offsets[at]!; j < cities.offsets[at + 1]!; j++) {
				const c = cities.refs[j]!;
				if (c === excluded) {
					skip = true;
					break;
				}
				const s = (scored[c] ??= score(cities.values[c]!));
				if (s.score > best.score) best = s;
			}
			if (skip) continue;
			if (top.length < limit) top.push({ at, best });
			else if (best.score > top[limit - 1]!.best.score) top[limit - 1] = { at, best };
			else continue;
			// Stable: equal scores keep their (newest first) order.
			top.sort((a, b) => b.best.score - a.best.score);
		}
		out.set(
			value,
			top.map(({ at, best }) => {
				const names: string[] = [];
				for (let j = cities.offsets[at]!; j < cities.offsets[at + 1]!; j++) {
					names.push(cities.values[cities.refs[j]!]!);
				}
				return { id: snap.ids[at]!, cities: names, best };
			})
		);
	}
	return out;
}

/**
 * Loads the library's copy and the longest word lists ahead, when the server starts, so that
 * the first searches wait for neither (in the background: requests are answered meanwhile).
 */
export async function warmLibrary(): Promise<void> {
	const conn = await database();
	await snapshot(conn, await versionOf(conn, 'practices'));
	await preloadPostings(conn);
}
