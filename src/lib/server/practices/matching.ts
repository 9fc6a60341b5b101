// Which published practices match a search, and how well. PostgreSQL stems the words
// (websearch_to_tsquery in each practice language) and keeps, for each word, the practices that
// have it (practice_posting, written by migration 0009's triggers from practice_index). A
// search of plain words — what people type — is answered from those lists: the practices that
// have every word, in any one language's stemming. Anything else ("a phrase", -not, or) is left
// to PostgreSQL's evaluation of the query over the index. Either way, relevance comes from the
// same lists: a word in the title counts most, then in the summary or the cities' names.
import type { Db } from '../db/index.ts';
import * as queries from './search-queries.ts';

/** ts_rank's default weights of A (title) and B (summary, cities). */
const TITLE_WEIGHT = 1;
const SUMMARY_WEIGHT = 0.4;

export interface Found {
	/** Index numbers of the matching practices (practice_index.seq), ascending. */
	seqs: Int32Array;
	/** The relevance of each, in the same order. */
	ranks: Float64Array;
}

interface Parsed {
	/** Every lexeme of the query. */
	lexemes: string[];
	/** True when the query is only lexemes joined by & (no phrase, negation, or, prefix). */
	plain: boolean;
}

const TOKEN = /\s*(?:'((?:[^']|'')*)'(:[*A-D]+)?|(&|\||!|<->|<\d+>|\(|\)))/y;

/** A tsquery's text (`'languag' & 'women'`) as its lexemes, and whether it is a plain AND. */
export function parseTsquery(text: string): Parsed {
	const lexemes: string[] = [];
	let plain = true;
	let expectLexeme = true;
	TOKEN.lastIndex = 0;
	while (TOKEN.lastIndex < text.length) {
		const at = TOKEN.lastIndex;
		const m = TOKEN.exec(text);
		if (!m) {
			// Only trailing blanks can be left; anything else is not understood: not plain.
			if (text.slice(at).trim() !== '') plain = false;
			break;
		}
		if (m[1] !== undefined) {
			lexemes.push(m[1].replaceAll("''", "'"));
			if (m[2] || !expectLexeme) plain = false;
			expectLexeme = false;
		} else {
			if (m[3] !== '&' || expectLexeme) plain = false;
			expectLexeme = true;
		}
	}
	if (lexemes.length > 0 && expectLexeme) plain = false;
	return { lexemes, plain };
}

/** The common elements of two ascending arrays. */
function intersect(a: Int32Array, b: Int32Array): Int32Array {
	const out = new Int32Array(Math.min(a.length, b.length));
	let n = 0;
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const x = a[i]!;
		const y = b[j]!;
		if (x === y) {
			out[n++] = x;
			i++;
			j++;
		} else if (x < y) i++;
		else j++;
	}
	return out.subarray(0, n);
}

/** The elements of either of two ascending arrays. */
function union(a: Int32Array, b: Int32Array): Int32Array {
	const out = new Int32Array(a.length + b.length);
	let n = 0;
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		const x = i < a.length ? a[i]! : Infinity;
		const y = j < b.length ? b[j]! : Infinity;
		out[n++] = Math.min(x, y);
		if (x <= y) i++;
		if (y <= x) j++;
	}
	return out.subarray(0, n);
}

/** Adds weight to the rank of each of seqs that is in list (both ascending). */
function weigh(seqs: Int32Array, list: Int32Array, ranks: Float64Array, weight: number) {
	let i = 0;
	let j = 0;
	while (i < seqs.length && j < list.length) {
		const x = seqs[i]!;
		const y = list[j]!;
		if (x === y) {
			ranks[i] = ranks[i]! + weight;
			i++;
			j++;
		} else if (x < y) i++;
		else j++;
	}
}

/**
 * The lists of words each process keeps, per database. Searches are made of a vocabulary far
 * smaller than their combinations, and the lists of the common words are the long ones: the
 * process loads the longest lists when it starts (`preloadPostings`, in the background) and
 * reads any other the first time it is asked for. A publication changes some lists: a
 * request that sees a newer library version first reads the lists changed since the greatest
 * change number the process has seen (migration 0012), and replaces those it keeps; nothing
 * else is read again. Bounded by the numbers kept, least recently used first out.
 */
let keptNumbers = 16_000_000;
interface Kept {
	/** The library version the kept lists are current for (at least). */
	version: number;
	/** The greatest change number of the lists read (see practice_posting.changed). */
	changed: number;
	lists: Map<string, queries.Posting>;
	numbers: number;
	/** Counts the catch-ups: a list read while one ran may be older than it, and is not kept. */
	catchUps: number;
	catchingUp?: Promise<void>;
}
const keptByDb = new WeakMap<Db, Promise<Kept>>();

/** How many numbers each process keeps at most (tests make it small to see lists go). */
export function keepAtMost(numbers: number) {
	keptNumbers = numbers;
}

const sizeOf = (p: queries.Posting) => p.seqs.length + p.titleSeqs.length + p.summarySeqs.length;

function keep(kept: Kept, p: queries.Posting) {
	const before = kept.lists.get(p.lexeme);
	if (before) {
		// Most recently used last, so that the oldest go first.
		kept.lists.delete(p.lexeme);
		kept.numbers -= sizeOf(before);
	}
	kept.lists.set(p.lexeme, p);
	kept.numbers += sizeOf(p);
}

/** Lets the least recently used lists go, but for those in use now. */
function trim(kept: Kept, inUse: Map<string, unknown>) {
	for (const [lexeme, p] of kept.lists) {
		if (kept.numbers <= keptNumbers) break;
		if (inUse.has(lexeme)) continue;
		kept.lists.delete(lexeme);
		kept.numbers -= sizeOf(p);
	}
}

/** Brings the kept lists up to the database's: the lists changed since the last catch-up. */
async function catchUp(d: Db, kept: Kept) {
	const state = await queries.postingsState(d);
	const { postings, changed } = await queries.postingsChangedAfter(d, kept.changed);
	kept.catchUps++;
	for (const p of postings) if (kept.lists.has(p.lexeme)) keep(kept, p);
	kept.changed = changed;
	kept.version = Math.max(kept.version, state.version);
}

/** The kept lists of this database, current for at least `version`. */
async function keptFor(d: Db, version: number): Promise<Kept> {
	let pending = keptByDb.get(d);
	if (!pending) {
		pending = queries
			.postingsState(d)
			.then((state): Kept => ({ ...state, lists: new Map(), numbers: 0, catchUps: 0 }));
		keptByDb.set(d, pending);
		pending.catch(() => keptByDb.delete(d));
	}
	const kept = await pending;
	while (kept.version < version) {
		kept.catchingUp ??= catchUp(d, kept).finally(() => (kept.catchingUp = undefined));
		await kept.catchingUp;
	}
	return kept;
}

async function postingsOf(d: Db, lexemes: string[], version: number) {
	const kept = await keptFor(d, version);
	// What is kept now is taken before reading the rest: other searches answered meanwhile
	// may let some of it go.
	const out = new Map<string, queries.Posting>();
	const missing: string[] = [];
	for (const lexeme of lexemes) {
		const p = kept.lists.get(lexeme);
		if (p) out.set(lexeme, p);
		else missing.push(lexeme);
	}
	if (missing.length > 0) {
		const catchUps = kept.catchUps;
		const read = await queries.postings(d, missing);
		const found = new Map(read.map((p) => [p.lexeme, p]));
		const none = new Int32Array(0);
		for (const lexeme of missing) {
			// A word no practice has is kept too (as empty lists): it is asked for again as well.
			const p = found.get(lexeme) ?? { lexeme, seqs: none, titleSeqs: none, summarySeqs: none };
			out.set(lexeme, p);
			if (kept.catchUps === catchUps) keep(kept, p);
		}
	}
	for (const p of out.values()) if (kept.lists.get(p.lexeme) === p) keep(kept, p);
	trim(kept, out);
	return out;
}

const preloading = new WeakSet<Db>();
/** Numbers read per query while loading ahead, with a pause between for requests. */
const PRELOAD_BATCH = 250_000;

/**
 * Loads the longest lists (the common words, the ones costly to read at request time) up to
 * what a process keeps, once per database, a batch at a time. Called when the server starts.
 */
export async function preloadPostings(d: Db): Promise<number> {
	if (preloading.has(d)) return 0;
	preloading.add(d);
	const kept = await keptFor(d, 0);
	let budget = keptNumbers - kept.numbers;
	let loaded = 0;
	let batch: string[] = [];
	let batchSize = 0;
	const flush = async () => {
		const catchUps = kept.catchUps;
		const read = await queries.postings(d, batch);
		// Read across a catch-up: may be older than it; these are read on demand instead.
		if (kept.catchUps === catchUps) {
			for (const p of read) {
				if (kept.lists.has(p.lexeme)) continue;
				keep(kept, p);
				loaded += sizeOf(p);
			}
		}
		batch = [];
		batchSize = 0;
		await new Promise((resolve) => setImmediate(resolve));
	};
	for (const { lexeme, size } of await queries.postingSizes(d)) {
		if (size > budget || kept.lists.has(lexeme)) continue;
		batch.push(lexeme);
		batchSize += size;
		budget -= size;
		if (batchSize >= PRELOAD_BATCH) await flush();
	}
	if (batch.length > 0) await flush();
	return loaded;
}

/**
 * How each language reads a word (PostgreSQL's stemming, which does not change), per process:
 * a search of plain words is the conjunction of its words, so a new search of words read
 * before needs no query at all. Anything else (quotes, -word, or, punctuation) is read whole.
 */
const WORD = /^[\p{L}\p{N}]+$/u;
const WORDS_KEPT = 20_000;
const readingsOfWord = new Map<string, Parsed[]>();

async function readingsOf(d: Db, q: string): Promise<Parsed[]> {
	const words = q.trim().split(/\s+/).filter(Boolean);
	const plainWords =
		words.length > 0 && words.every((w) => WORD.test(w) && w.toLowerCase() !== 'or');
	if (plainWords) {
		const missing = [...new Set(words.filter((w) => !readingsOfWord.has(w)))];
		if (missing.length > 0) {
			for (const [word, texts] of await queries.parsedWords(d, missing)) {
				readingsOfWord.set(word, texts.map(parseTsquery));
				if (readingsOfWord.size > WORDS_KEPT) {
					readingsOfWord.delete(readingsOfWord.keys().next().value!);
				}
			}
		}
		const perWord = words.map((w) => readingsOfWord.get(w));
		// Each word one lexeme (or none: a stop word) in every language: compose them.
		if (perWord.every((r) => r?.every((p) => p.plain && p.lexemes.length <= 1))) {
			const readings = perWord[0]!.map((_, i) => ({
				lexemes: perWord.flatMap((r) => r![i]!.lexemes),
				plain: true
			}));
			const distinct = new Map(readings.map((r) => [r.lexemes.join('\u0000'), r]));
			return [...distinct.values()];
		}
	}
	// Most languages read most words alike: each distinct reading is evaluated once.
	return [...new Set(await queries.parsedQueries(d, q))].map(parseTsquery);
}

/**
 * The published practices matching `q`, with their relevance. `version`: the library's
 * version the caller works on (see library.ts), which the lists read are kept for.
 */
export async function matching(d: Db, q: string, version: number): Promise<Found> {
	const parsed = await readingsOf(d, q);
	const lexemes = [...new Set(parsed.flatMap((p) => p.lexemes))];
	if (lexemes.length === 0) return { seqs: new Int32Array(0), ranks: new Float64Array(0) };
	const byLexeme = await postingsOf(d, lexemes, version);
	const none = new Int32Array(0);

	let seqs: Int32Array = none;
	if (parsed.every((p) => p.plain)) {
		// Each reading: the practices with all of its words; the matches: those of any reading.
		for (const p of parsed) {
			if (p.lexemes.length === 0) continue;
			let common: Int32Array | undefined;
			for (const lexeme of p.lexemes) {
				const has = byLexeme.get(lexeme)?.seqs ?? none;
				common = common === undefined ? has : intersect(common, has);
				if (common.length === 0) break;
			}
			seqs = union(seqs, common ?? none);
		}
	} else {
		seqs = Int32Array.from(await queries.matchingRows(d, q)).sort();
	}

	const ranks = new Float64Array(seqs.length);
	for (const p of byLexeme.values()) {
		weigh(seqs, p.titleSeqs, ranks, TITLE_WEIGHT);
		weigh(seqs, p.summarySeqs, ranks, SUMMARY_WEIGHT);
	}
	return { seqs, ranks };
}
