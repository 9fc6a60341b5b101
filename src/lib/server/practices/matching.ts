// Which published practices match a search, and how well. PostgreSQL stems the words
// (websearch_to_tsquery in each practice language) and keeps, for each word, the practices that
// have it (practice_posting, written by migration 0009's triggers from practice_index). A
// search of plain words — what people type — is answered from those lists: the practices that
// have every word, in any one language's stemming. Anything else ("a phrase", -not, or) is left
// to PostgreSQL's evaluation of the query over the index. Either way, relevance comes from the
// same lists: a word in the title counts most, then in the summary or the cities' names.
import type { Db } from '../db/index.ts';
import * as queries from './queries.ts';

/** ts_rank's default weights of A (title) and B (summary, cities). */
const TITLE_WEIGHT = 1;
const SUMMARY_WEIGHT = 0.4;

export interface Found {
	/** Index numbers of the matching practices (practice_index.seq). */
	seqs: number[];
	/** The relevance of each, in the same order. */
	ranks: number[];
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
function intersect(a: readonly number[], b: readonly number[]): number[] {
	const out: number[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
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

export async function matching(d: Db, q: string): Promise<Found> {
	const parsed = (await queries.parsedQueries(d, q)).map(parseTsquery);
	const lexemes = [...new Set(parsed.flatMap((p) => p.lexemes))];
	if (lexemes.length === 0) return { seqs: [], ranks: [] };
	const byLexeme = new Map((await queries.postings(d, lexemes)).map((p) => [p.lexeme, p]));

	let seqs: Iterable<number>;
	if (parsed.every((p) => p.plain)) {
		// Each language's reading of the words: the practices with all of them; any reading.
		const found = new Set<number>();
		for (const p of parsed) {
			if (p.lexemes.length === 0) continue;
			let common: readonly number[] | undefined;
			for (const lexeme of p.lexemes) {
				const has = byLexeme.get(lexeme)?.seqs ?? [];
				common = common === undefined ? has : intersect(common, has);
				if (common.length === 0) break;
			}
			for (const seq of common ?? []) found.add(seq);
		}
		seqs = found;
	} else {
		seqs = await queries.matchingRows(d, q);
	}

	const rank = new Map<number, number>();
	for (const seq of seqs) rank.set(seq, 0);
	for (const p of byLexeme.values()) {
		for (const seq of p.titleSeqs) {
			const r = rank.get(seq);
			if (r !== undefined) rank.set(seq, r + TITLE_WEIGHT);
		}
		for (const seq of p.summarySeqs) {
			const r = rank.get(seq);
			if (r !== undefined) rank.set(seq, r + SUMMARY_WEIGHT);
		}
	}
	return { seqs: [...rank.keys()], ranks: [...rank.values()] };
}
