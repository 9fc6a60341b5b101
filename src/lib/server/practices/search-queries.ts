// SQL of the library's search: how PostgreSQL reads a query in each practice language, the
// lists of practices per word (practice_posting), its own evaluation of a query over the index,
// and the index rows each process keeps in memory (library-snapshot.ts). No rules here.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { practiceIndex, practicePosting } from './schema.ts';
import { rowsOf } from './queries.ts';

/** The configurations practices are indexed with (migration 0007), one per language. */
const CONFIGS = [
	'practice_en',
	'practice_fr',
	'practice_de',
	'practice_it',
	'practice_es',
	'practice_ar',
	'practice_search'
] as const;

/**
 * The words asked for, in every language a practice can be written in: each practice's words
 * were stemmed in its own language (migration 0007), so the query is stemmed in each of them
 * and any one may match. Accents are removed on both sides.
 */
function tsquery(q: string): SQL {
	const parts = CONFIGS.map((c) => sql`websearch_to_tsquery(${sql.raw(`'${c}'`)}, ${q})`);
	return sql`(${sql.join(parts, sql` || `)})`;
}

/**
 * The query as PostgreSQL understands it in each language: websearch_to_tsquery's text, e.g.
 * `'languag' & 'women'` ('' when every word is a stop word there).
 */
export async function parsedQueries(d: Db, q: string): Promise<string[]> {
	const [row] = await rowsOf<{ parsed: string[] }>(
		d,
		sql`select array[${sql.join(
			CONFIGS.map((c) => sql`websearch_to_tsquery(${sql.raw(`'${c}'`)}, ${q})::text`),
			sql`, `
		)}] as parsed`
	);
	return row?.parsed ?? [];
}

/** Each word's reading in each language, as parsedQueries gives a whole query's. */
export async function parsedWords(d: Db, words: string[]): Promise<Map<string, string[]>> {
	const rows = await rowsOf<{ word: string; parsed: string[] }>(
		d,
		sql`select w as word, array[${sql.join(
			CONFIGS.map((c) => sql`websearch_to_tsquery(${sql.raw(`'${c}'`)}, w)::text`),
			sql`, `
		)}] as parsed from unnest(${sql`array[${sql.join(
			words.map((w) => sql`${w}`),
			sql`, `
		)}]::text[]`}) w`
	);
	return new Map(rows.map((r) => [r.word, r.parsed]));
}

export interface Posting {
	lexeme: string;
	seqs: Int32Array;
	titleSeqs: Int32Array;
	summarySeqs: Int32Array;
}

/**
 * An int[]'s text ("{1,5,9}") as numbers. Written out because the driver's general array
 * parser took longer than the query for the lists of common words (60,000 numbers).
 */
export function parseIntArray(text: string): Int32Array {
	const out = new Int32Array(text.length >> 1);
	let n = 0;
	let value = 0;
	let digits = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			value = value * 10 + (c - 48);
			digits = true;
		} else if (digits) {
			out[n++] = value;
			value = 0;
			digits = false;
		}
	}
	return out.slice(0, n);
}

type PostingRow = { lexeme: string; seqs: string; title: string; summary: string; changed: string };

function postingOf(r: PostingRow): Posting {
	return {
		lexeme: r.lexeme,
		seqs: parseIntArray(r.seqs),
		titleSeqs: parseIntArray(r.title),
		summarySeqs: parseIntArray(r.summary)
	};
}

const postingColumns = sql`${practicePosting.lexeme} as lexeme, ${practicePosting.seqs}::text as seqs,
	${practicePosting.titleSeqs}::text as title, ${practicePosting.summarySeqs}::text as summary,
	${practicePosting.changed}::text as changed`;

/** The practices (index numbers, ascending) that have each of these words (migration 0009). */
export async function postings(d: Db, lexemes: string[]): Promise<Posting[]> {
	if (lexemes.length === 0) return [];
	const p = practicePosting;
	const rows = await rowsOf<PostingRow>(
		d,
		sql`select ${postingColumns} from ${p}
			where ${p.lexeme} in (${sql.join(
				lexemes.map((l) => sql`${l}`),
				sql`, `
			)})`
	);
	return rows.map(postingOf);
}

/** The greatest change number of the lists (0 before any), with the library's version. */
export async function postingsState(d: Db): Promise<{ version: number; changed: number }> {
	const [row] = await rowsOf<{ version: number; changed: string }>(
		d,
		sql`select coalesce((select version from cache_version where name = 'practices'), 0) as version,
			coalesce((select max(${practicePosting.changed}) from ${practicePosting}), 0)::text as changed`
	);
	return { version: Number(row?.version ?? 0), changed: Number(row?.changed ?? 0) };
}

/** The lists changed after change number `after` (migration 0012), with the greatest number. */
export async function postingsChangedAfter(
	d: Db,
	after: number
): Promise<{ postings: Posting[]; changed: number }> {
	const p = practicePosting;
	const rows = await rowsOf<PostingRow>(
		d,
		sql`select ${postingColumns} from ${p} where ${p.changed} > ${after}`
	);
	let changed = after;
	for (const r of rows) changed = Math.max(changed, Number(r.changed));
	return { postings: rows.map(postingOf), changed };
}

/** Every word with the size of its lists, longest first: what a process loads ahead. */
export async function postingSizes(d: Db): Promise<{ lexeme: string; size: number }[]> {
	const p = practicePosting;
	return rowsOf<{ lexeme: string; size: number }>(
		d,
		sql`select ${p.lexeme} as lexeme,
			(cardinality(${p.seqs}) + cardinality(${p.titleSeqs}) + cardinality(${p.summarySeqs}))::int as size
			from ${p} where cardinality(${p.seqs}) > 0 order by size desc, ${p.lexeme}`
	);
}

/**
 * The published practices whose words match, by PostgreSQL's own evaluation of the query
 * (GIN index, then each matching row): for what the postings alone cannot answer, e.g.
 * "quoted phrases", whose words must follow each other.
 */
export async function matchingRows(d: Db, q: string): Promise<number[]> {
	const [row] = await rowsOf<{ seqs: number[] }>(
		d,
		sql`select coalesce(array_agg(${practiceIndex.seq}), '{}') as seqs from ${practiceIndex}
			where ${practiceIndex.document} @@ ${tsquery(q)}`
	);
	return row?.seqs ?? [];
}

export interface IndexRow {
	seq: number;
	practiceId: string;
	themes: string[];
	keyFactors: string[];
	commitments: string[];
	countries: string[];
	cities: string[];
	decades: number[];
}

/**
 * What the library keeps in memory of each published practice, newest first: as one JSON
 * array, which is read ten times faster than 100,000 rows of six arrays each.
 */
export async function listIndex(d: Db): Promise<IndexRow[]> {
	const i = practiceIndex;
	const [row] = await rowsOf<{ rows: string | null }>(
		d,
		sql`select json_agg(json_build_array(${i.seq}, ${i.practiceId}, ${i.themes}, ${i.keyFactors},
			${i.commitments}, ${i.countries}, ${i.cities}, ${i.decades})
			order by ${i.publishedAt} desc, ${i.practiceId})::text as rows
			from ${i}`
	);
	const rows = JSON.parse(row?.rows ?? '[]') as [
		number,
		string,
		string[],
		string[],
		string[],
		string[],
		string[],
		number[]
	][];
	return rows.map(
		([seq, practiceId, themes, keyFactors, commitments, countries, cities, decades]) => ({
			seq,
			practiceId,
			themes,
			keyFactors,
			commitments,
			countries,
			cities,
			decades
		})
	);
}

/** Published practices by id, with the published version's text (in no particular order). */
