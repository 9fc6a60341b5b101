// The copy of the search index each process keeps in memory: every published practice's
// facets as typed arrays (with, per value, the practices that have it), and what the facets'
// values are called. Why: counting six facets over the matches is one pass over a few arrays
// (about 2 ms for 100,000 practices), where the same GROUP BYs in PostgreSQL took a second.
// Each is checked against a counter of cache_version ('practices', 'content'; one primary-key
// read; database triggers move them), so every process sees a publication on its next
// request, whoever made it.
import type { Db } from '../db/index.ts';
import { versionOf } from '../cache/queries.ts';
import * as queries from './queries.ts';
import * as searchQueries from './search-queries.ts';

/** The facets the index keeps, in the order of its columns. */
export const indexFacets = [
	'themes',
	'keyFactors',
	'commitments',
	'countries',
	'cities',
	'decades'
] as const;
export type IndexFacet = (typeof indexFacets)[number];

/** One facet of every practice: practice i has values refs[offsets[i]..offsets[i+1]). */
export interface FacetColumn {
	values: string[];
	offsets: Int32Array;
	refs: Int32Array;
	/** For each value, the practices that have it (ascending). */
	postings: Int32Array[];
	byValue: Map<string, number>;
}

export interface Snapshot {
	version: number;
	/** Practice ids, newest publication first: a practice's position is its number here. */
	ids: string[];
	/** Position of each index number (practice_index.seq); -1 for none. */
	bySeq: Int32Array;
	facets: Record<IndexFacet, FacetColumn>;
}

function column(rows: searchQueries.IndexRow[], facet: IndexFacet): FacetColumn {
	const byValue = new Map<string, number>();
	const values: string[] = [];
	const offsets = new Int32Array(rows.length + 1);
	let total = 0;
	for (const r of rows) total += r[facet].length;
	const refs = new Int32Array(total);
	const sizes: number[] = [];
	let at = 0;
	rows.forEach((r, i) => {
		offsets[i] = at;
		for (const raw of r[facet]) {
			const value = String(raw);
			let ref = byValue.get(value);
			if (ref === undefined) {
				ref = values.length;
				byValue.set(value, ref);
				values.push(value);
				sizes.push(0);
			}
			refs[at++] = ref;
			sizes[ref]!++;
		}
	});
	offsets[rows.length] = at;
	const postings = sizes.map((n) => new Int32Array(n));
	const filled = new Int32Array(values.length);
	for (let i = 0; i < rows.length; i++) {
		for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
			const ref = refs[j]!;
			postings[ref]![filled[ref]!++] = i;
		}
	}
	return { values, offsets, refs, postings, byValue };
}

/** An array indexed by seq: reading it is several times faster than a Map's get. */
function positionsBySeq(rows: searchQueries.IndexRow[]): Int32Array {
	let top = 0;
	for (const r of rows) top = Math.max(top, r.seq);
	const at = new Int32Array(top + 1).fill(-1);
	rows.forEach((r, i) => (at[r.seq] = i));
	return at;
}

async function load(d: Db): Promise<Snapshot> {
	// One snapshot of the database: the counter and the rows it stands for.
	return d.transaction(
		async (tx) => {
			const version = await versionOf(tx, 'practices');
			const rows = await searchQueries.listIndex(tx);
			const facets = Object.fromEntries(indexFacets.map((f) => [f, column(rows, f)])) as Record<
				IndexFacet,
				FacetColumn
			>;
			return {
				version,
				ids: rows.map((r) => r.practiceId),
				bySeq: positionsBySeq(rows),
				facets
			};
		},
		{ isolationLevel: 'repeatable read', accessMode: 'read only' }
	);
}

/** Per database (tests open several in one process), the copy and the version it is of. */
const kept = new WeakMap<Db, { version: number; snapshot: Promise<Snapshot> }>();

/** What the facets' values are called: themes, key factors and Charter commitments. */
async function readLabels(d: Db) {
	const [themes, keyFactors, commitments] = await Promise.all([
		queries.listThemeOptions(d),
		queries.listKeyFactorOptions(d),
		queries.listCommitmentOptions(d)
	]);
	return { themes, keyFactors, commitments };
}
export type Labels = Awaited<ReturnType<typeof readLabels>>;
/** Kept until the 'content' counter moves (a benchmark, theme or commitment changed). */
const keptLabels = new WeakMap<Db, { version: number; labels: Promise<Labels> }>();

export function labelsOf(d: Db, version: number) {
	let entry = keptLabels.get(d);
	if (entry?.version !== version) {
		const labels = readLabels(d);
		entry = { version, labels };
		keptLabels.set(d, entry);
		labels.catch(() => {
			if (keptLabels.get(d)?.labels === labels) keptLabels.delete(d);
		});
	}
	return entry.labels;
}

export async function snapshot(d: Db, version: number): Promise<Snapshot> {
	let entry = kept.get(d);
	if (entry?.version !== version) {
		const loading = load(d);
		entry = { version, snapshot: loading };
		kept.set(d, entry);
		loading.catch(() => {
			if (kept.get(d)?.snapshot === loading) kept.delete(d);
		});
	}
	return entry.snapshot;
}
