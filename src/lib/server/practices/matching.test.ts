import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { keepAtMost, matching as matchingAt, parseTsquery, preloadPostings } from './matching.ts';
import { versionOf } from '../cache/queries.ts';
import type { Db } from '../db/index.ts';

/** As the library asks: for the library's version now. */
const matching = async (d: Db, q: string) => matchingAt(d, q, await versionOf(d, 'practices'));
import * as queries from './search-queries.ts';
import { practice, practiceVersion } from './schema.ts';

describe('reading a tsquery', () => {
	it('finds the words, and whether the postings alone can answer', () => {
		expect(parseTsquery(`'languag' & 'women'`)).toEqual({
			lexemes: ['languag', 'women'],
			plain: true
		});
		expect(parseTsquery('')).toEqual({ lexemes: [], plain: true });
		expect(parseTsquery(`'o''brien'`)).toEqual({ lexemes: ["o'brien"], plain: true });
		for (const text of [
			`'one' <-> 'citi'`,
			`'a' & !'b'`,
			`'a' | 'b'`,
			`'a':*`,
			`( 'a' & 'b' )`,
			`'a' &`
		]) {
			expect([text, parseTsquery(text).plain]).toEqual([text, false]);
		}
	});
});

const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);

describe.each(engines())('matching practices on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });

	/** What practice_posting should hold, worked out again from practice_index. */
	async function expectedPostings() {
		const result = (await db().execute(sql`
			select l.lexeme, array_agg(i.seq order by i.seq) as seqs
			from practice_index i cross join lateral unnest(i.document) l
			group by l.lexeme order by l.lexeme`)) as unknown as {
			rows: { lexeme: string; seqs: number[] }[];
		};
		return result.rows;
	}
	async function actualPostings() {
		const result = (await db().execute(
			sql`select lexeme, seqs from practice_posting where seqs <> '{}' order by lexeme`
		)) as unknown as { rows: { lexeme: string; seqs: number[] }[] };
		return result.rows;
	}

	it('answers as PostgreSQL’s own evaluation of the query does', async () => {
		const searches = [
			'language',
			'language cafe',
			'Düsseldorf',
			'dusseldorf',
			'Lublin Tampere',
			'the',
			'migrants women employment',
			'rumour rumours',
			'"one city"',
			'language -cafe',
			'library or police',
			'co-design',
			'zzzz nothing',
			'strategia',
			'Integration Düsseldorf',
			'the women of Lublin',
			'LANGUAGE Café',
			'language, café',
			'مدينة'
		];
		for (const q of searches) {
			const found = await matching(db(), q);
			expect([q, sorted(found.seqs)]).toEqual([q, sorted(await queries.matchingRows(db(), q))]);
		}
		// The seeded library has these words: the comparison is not of empty lists.
		expect((await matching(db(), 'language')).seqs.length).toBeGreaterThan(3);
	});

	it('answers right while many searches at once make the kept lists go', async () => {
		const words = ['language', 'library', 'women', 'police', 'school', 'media', 'Lublin', 'Genoa'];
		keepAtMost(50);
		try {
			const searches = [...words, ...words.map((w, i) => `${w} ${words[(i + 1) % words.length]}`)];
			const found = await Promise.all(searches.map((q) => matching(db(), q)));
			for (const [i, q] of searches.entries()) {
				expect([q, sorted(found[i]!.seqs)]).toEqual([
					q,
					sorted(await queries.matchingRows(db(), q))
				]);
			}
		} finally {
			keepAtMost(8_000_000);
		}
	});

	it('ranks a word in the title above one in the summary, above one in the text', async () => {
		const found = await matching(db(), 'library');
		const rows = await db()
			.select({ seq: sql<number>`i.seq`, title: practiceVersion.title })
			.from(practice)
			.innerJoin(practiceVersion, eq(practiceVersion.id, practice.publishedVersionId))
			.innerJoin(sql`practice_index i`, sql`i.practice_id = ${practice.id}`);
		const title = new Map(rows.map((r) => [r.seq, r.title]));
		const rank = new Map(Array.from(found.seqs, (s, i) => [s, found.ranks[i]!]));
		const best = [...rank].sort((a, b) => b[1] - a[1])[0]!;
		expect(title.get(best[0])?.toLowerCase()).toMatch(/librar/);
		expect(Math.min(...rank.values())).toBe(0);
	});

	it('keeps the postings right as practices are published, changed and withdrawn', async () => {
		expect(await actualPostings()).toEqual(await expectedPostings());
		const [p] = await db()
			.select({ id: practice.id, versionId: practice.publishedVersionId })
			.from(practice)
			.limit(1);
		// A word searched before it was in any practice: found once it is (no stale list).
		expect(Array.from((await matching(db(), 'quetzal')).seqs)).toEqual([]);
		// A new version with other words.
		const [v] = await db()
			.select()
			.from(practiceVersion)
			.where(eq(practiceVersion.id, p!.versionId!));
		const [copy] = await db()
			.insert(practiceVersion)
			.values({ ...v!, id: undefined, number: v!.number + 100, title: 'Quetzal evenings' })
			.returning({ id: practiceVersion.id });
		await db().update(practice).set({ publishedVersionId: copy!.id }).where(eq(practice.id, p!.id));
		expect((await matching(db(), 'quetzal')).seqs).toHaveLength(1);
		expect(await actualPostings()).toEqual(await expectedPostings());
		// Withdrawn: its words go with it.
		await db().update(practice).set({ publishedVersionId: null }).where(eq(practice.id, p!.id));
		expect(Array.from((await matching(db(), 'quetzal')).seqs)).toEqual([]);
		expect(await actualPostings()).toEqual(await expectedPostings());
		// Deleted practices too.
		await db().delete(practice).where(eq(practice.id, p!.id));
		expect(await actualPostings()).toEqual(await expectedPostings());
	});

	it('loads the lists ahead and keeps them current as practices are withdrawn', async () => {
		expect(await preloadPostings(db())).toBeGreaterThan(0);
		const before = sorted((await matching(db(), 'library')).seqs);
		expect(before).toEqual(sorted(await queries.matchingRows(db(), 'library')));
		expect(before.length).toBeGreaterThan(1);
		// Withdrawing a practice changes the list loaded ahead: the next search reads it again.
		await db().execute(
			sql`update practice set published_version_id = null
				where id = (select practice_id from practice_index where seq = ${before[0]!})`
		);
		const after = sorted((await matching(db(), 'library')).seqs);
		expect(after).toEqual(before.slice(1));
		expect(after).toEqual(sorted(await queries.matchingRows(db(), 'library')));
	});
});

describe('reading an int[] as PostgreSQL writes it', () => {
	it('reads every number, and nothing from an empty array', () => {
		expect(Array.from(queries.parseIntArray('{1,22,333}'))).toEqual([1, 22, 333]);
		expect(Array.from(queries.parseIntArray('{}'))).toEqual([]);
		expect(Array.from(queries.parseIntArray('{7}'))).toEqual([7]);
	});
});
