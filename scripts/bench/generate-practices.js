// Bench data for the practice library: many published practices, written with a few set-based
// statements. Their words come from the seeded practices (two of them mixed per practice, with
// the owner city's name), so that word frequencies, facets and text lengths look like the real
// library's rather than random letters; each is owned by a city of the database (the bench
// cities when there are some) and every fifth is shared with a second city. Publishing them
// is one UPDATE: the database's trigger indexes them all in one pass (migration 0007).
//
// Run it on a database the app has migrated and seeded; `npm run bench` does.
// Standalone: DATABASE_URL=postgres://… node scripts/bench/generate-practices.js [practices]
import process from 'node:process';
import pg from 'pg';

export const BENCH_PRACTICE_PREFIX = 'bench-practice-';

/** @typedef {import('./generate-assessments.js').Queryable} Queryable */

const since = (/** @type {number} */ start) => Math.round((Date.now() - start) / 100) / 10;

/**
 * @param {Queryable} db
 * @param {{ practices: number, log?: (line: string) => void }} options
 */
export async function generatePractices(db, { practices, log = () => {} }) {
	if (!Number.isInteger(practices) || practices < 1) {
		throw new Error(`practices must be ≥ 1: ${practices}`);
	}
	const started = Date.now();
	const [{ existing }] = (
		await db.query(`select count(*)::int as existing from practice where slug like $1`, [
			`${BENCH_PRACTICE_PREFIX}%`
		])
	).rows;
	if (existing > 0) throw new Error(`this database already has ${existing} bench practices`);
	await db.query(`create temp table bench_source as
		select (row_number() over (order by p.slug) - 1)::int as i, v.*
		from practice p join practice_version v on v.id = p.published_version_id where p.from_seed`);
	await db.query(`create temp table bench_owner as
		select (row_number() over (order by slug) - 1)::int as i, id, slug, name from city`);
	const [{ sources, owners }] = (
		await db.query(`select (select count(*)::int from bench_source) as sources,
			(select count(*)::int from bench_owner) as owners`)
	).rows;
	if (sources === 0) throw new Error('no seeded practices: seed first');

	await db.query(
		`insert into practice (slug, city_id, status, published_at, from_seed, created_at, updated_at)
		 select $1 || lpad(g::text, 6, '0'), o.id, 'published',
		   now() - g * interval '1 minute', false, now(), now()
		 from generate_series(1, $2::int) g join bench_owner o on o.i = g % $3`,
		[BENCH_PRACTICE_PREFIX, practices, owners]
	);
	await db.query(
		`insert into practice_version (practice_id, number, title, cities, summary, description,
		   period_from, period_to, themes, key_factors, commitments, audience, results, partners,
		   language, created_at)
		 select p.id, 1, a.title || ' in ' || o.name,
		   case when n.g % 5 = 0 and b.cities->>0 is distinct from o.slug
		     then jsonb_build_array(o.slug, b.cities->>0) else jsonb_build_array(o.slug) end,
		   a.summary, a.description || E'\\n\\n' || b.summary,
		   1995 + n.g % 28, 1995 + n.g % 28 + n.g % 6,
		   a.themes, a.key_factors || case when n.g % 3 = 0 then b.key_factors else '[]' end,
		   a.commitments, a.audience, b.results, a.partners, a.language, now()
		 from practice p
		 cross join lateral (select substring(p.slug from $2::int)::int as g) n
		 join bench_owner o on o.id = p.city_id
		 join bench_source a on a.i = n.g % $3
		 join bench_source b on b.i = (n.g * 7 + 3) % $3
		 where p.slug like $1`,
		[`${BENCH_PRACTICE_PREFIX}%`, BENCH_PRACTICE_PREFIX.length + 1, sources]
	);
	const indexing = Date.now();
	await db.query(
		`update practice set published_version_id = v.id
		 from practice_version v where v.practice_id = practice.id and practice.slug like $1`,
		[`${BENCH_PRACTICE_PREFIX}%`]
	);
	const indexed = since(indexing);
	await db.query('drop table bench_source');
	await db.query('drop table bench_owner');
	for (const table of ['practice', 'practice_version', 'practice_index', 'practice_posting']) {
		await db.query(`vacuum analyze ${table}`);
	}
	const [{ total }] = (await db.query('select count(*)::int as total from practice_index')).rows;
	log(
		`Generated ${practices.toLocaleString('en')} published practices (${total.toLocaleString('en')} ` +
			`in the search index) in ${since(started)} s, of which indexing ${indexed} s.`
	);
	return { practices, indexed: total };
}

/**
 * The library's words as the database keeps them (practice_posting), in a fixed mixed order
 * (rare and common alike): the searches of the "words never asked" case.
 * @param {Queryable} db
 */
export async function vocabulary(db) {
	const { rows } = await db.query(
		`select lexeme from practice_posting where lexeme ~ '^[a-z]{3,}$' order by md5(lexeme)`
	);
	return rows.map((/** @type {{ lexeme: string }} */ r) => r.lexeme);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const url = process.env.DATABASE_URL;
	if (!url) {
		console.error('Set DATABASE_URL to a migrated, seeded database (e.g. one `npm start` made).');
		process.exit(1);
	}
	const client = new pg.Client({ connectionString: url });
	try {
		await client.connect();
		await generatePractices(client, {
			practices: Number(process.argv[2] ?? 100_000),
			log: console.log
		});
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	} finally {
		await client.end().catch(() => {});
	}
}
