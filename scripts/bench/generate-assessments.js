// Bench data: many cities, each with several submitted self-assessments fully answered, written
// with a handful of set-based statements (INSERT … SELECT over generate_series and the guide
// questions), so that 10,000 cities × 5 cycles × 72 answers (3.6 million rows) take seconds,
// not an hour of round trips. Run it on a database the app has migrated and seeded (the network,
// the benchmark and its guide questions must be there); `npm run bench` does, on a throwaway one.
//
// Standalone: DATABASE_URL=postgres://… node scripts/bench/generate-assessments.js [cities]
// (10,000 by default). It refuses a database that already has bench cities.
import process from 'node:process';
import pg from 'pg';

export const BENCH_BENCHMARK = 'enhancing-public-perception';
/** Five cycles, oldest first: each links to the one before it, as "start from last cycle" does. */
export const BENCH_CYCLES = [2020, 2021, 2022, 2023, 2024];
/** Bench cities are the ones whose slug starts so (bench-city-00001 …). */
export const BENCH_CITY_PREFIX = 'bench-city-';

/**
 * What the generator needs of a connection: `pg`'s Client and PGlite both have it.
 * @typedef {{ query: (text: string, params?: unknown[]) => Promise<{ rows: any[] }> }} Queryable
 */

/**
 * @typedef {object} Generated
 * @property {number} cities
 * @property {number} assessments
 * @property {number} answers
 * @property {number} questions  Guide questions per assessment.
 * @property {Record<string, number>} seconds  Time per step.
 * @property {{ cityId: string, assessmentId: string, cycle: string }} sample  A latest cycle of a
 *   city in the middle of the set, with four earlier cycles behind it.
 */

const COUNTRIES = [
	'AT',
	'BE',
	'DE',
	'DK',
	'ES',
	'FI',
	'FR',
	'GR',
	'IT',
	'NL',
	'NO',
	'PL',
	'PT',
	'SE'
];

/** Seconds since `start`, to one decimal. */
const since = (/** @type {number} */ start) => Math.round((Date.now() - start) / 100) / 10;

/**
 * Writes `cities` bench cities in the seeded network, each with a submitted assessment of
 * BENCH_BENCHMARK for every cycle of BENCH_CYCLES (shared with the network, marked as demo
 * data), each answering every guide question of the benchmark's current version. Answers are
 * spread over `connections` (two PostgreSQL connections use both cores of a small machine;
 * PGlite has one).
 *
 * Ratings are deterministic (hashes of the ids): each city has its own level, which rises a
 * little every cycle, with noise per question; about 5 % are "Don't know", 3 % "Not
 * applicable", and a quarter carry a line of evidence, so that scores, distributions and
 * reports look like real ones rather than a constant.
 *
 * @param {Queryable[]} connections  At least one; the first does everything but the answers.
 * @param {{ cities: number, log?: (line: string) => void }} options
 * @returns {Promise<Generated>}
 */
export async function generateAssessments(connections, { cities, log = () => {} }) {
	const [db] = connections;
	if (!db) throw new Error('generateAssessments needs a connection');
	if (!Number.isInteger(cities) || cities < 1) throw new Error(`cities must be ≥ 1: ${cities}`);
	/** @type {Record<string, number>} */
	const seconds = {};
	const started = Date.now();

	const networks = (await db.query('select id from network')).rows;
	if (networks.length !== 1) {
		throw new Error(`expected the one seeded network, found ${networks.length}: seed first`);
	}
	const networkId = networks[0].id;
	const [benchmark] = (
		await db.query('select id from benchmark where slug = $1 and is_current', [BENCH_BENCHMARK])
	).rows;
	if (!benchmark) throw new Error(`benchmark ${BENCH_BENCHMARK} is not seeded`);
	const [{ questions }] = (
		await db.query(
			`select count(*)::int as questions from guide_question q
			 join key_factor k on k.id = q.key_factor_id where k.benchmark_id = $1`,
			[benchmark.id]
		)
	).rows;
	const [{ existing }] = (
		await db.query(`select count(*)::int as existing from city where slug like $1`, [
			`${BENCH_CITY_PREFIX}%`
		])
	).rows;
	if (existing > 0) throw new Error(`this database already has ${existing} bench cities`);

	let step = Date.now();
	await db.query(
		`insert into city (network_id, slug, name, country, latitude, longitude, population,
		   population_year, migrant_background_share, foreign_nationals_share, source)
		 select $1, $2 || lpad(g::text, 5, '0'), 'Bench City ' || lpad(g::text, 5, '0'),
		   ($3::text[])[1 + g % cardinality($3::text[])],
		   36 + (g * 7919 % 3400) / 100.0, -9 + (g * 104729 % 3800) / 100.0,
		   20000 + g * 2654435761 % 3000000, 2023,
		   (g * 31 % 450) / 10.0, (g * 17 % 300) / 10.0, 'Generated for the benchmark'
		 from generate_series(1, $4::int) g`,
		[networkId, BENCH_CITY_PREFIX, COUNTRIES, cities]
	);
	seconds.cities = since(step);

	// Ids are drawn first (a volatile CTE is computed once), so that each cycle can name the one
	// before it in the same statement.
	step = Date.now();
	await db.query(
		`with drawn as (
		   select gen_random_uuid() as id, c.id as city_id, y,
		     make_timestamptz(y, 11, 1, 9, 0, 0, 'UTC')
		       + ((hashtext(c.id::text) & 2147483647) % 43200) * interval '1 minute' as submitted_at
		   from city c cross join unnest($4::int[]) y
		   where c.slug like $3
		 ), linked as (
		   select d.*, lag(d.id) over (partition by d.city_id order by d.y) as previous_id from drawn d
		 )
		 insert into assessment (id, city_id, benchmark_id, benchmark_slug, cycle, status, visibility,
		   previous_id, is_demo, created_at, updated_at, submitted_at)
		 select id, city_id, $1, $2, y::text, 'submitted', 'network', previous_id, true,
		   submitted_at - interval '60 days', submitted_at, submitted_at
		 from linked`,
		[benchmark.id, BENCH_BENCHMARK, `${BENCH_CITY_PREFIX}%`, BENCH_CYCLES]
	);
	seconds.assessments = since(step);

	// The answers, city range by city range, one range per connection at a time.
	step = Date.now();
	const slices = connections.length;
	const per = Math.ceil(cities / slices);
	await Promise.all(
		connections.map((c, i) => {
			const from = `${BENCH_CITY_PREFIX}${String(i * per + 1).padStart(5, '0')}`;
			const to = `${BENCH_CITY_PREFIX}${String(Math.min(cities, (i + 1) * per)).padStart(5, '0')}`;
			return c.query(
				`insert into answer (assessment_id, guide_question_id, respondent_id, kind, rating,
				   evidence, updated_at)
				 select a.id, q.id, null,
				   (case when r.n < 5 then 'dont_know' when r.n < 8 then 'not_applicable'
				     else 'rated' end)::answer_kind,
				   case when r.n >= 8 then least(4, greatest(0,
				     (hashtext(a.city_id::text) & 2147483647) % 4 + (a.cycle::int - 2020) / 3
				       + r.n % 3 - 1)) end,
				   case when r.n % 4 = 0 then 'Evidence for question ' || q.position || ' of key factor '
				     || q.number || ' in ' || a.cycle || '.' else '' end,
				   a.submitted_at
				 from city c
				 join assessment a on a.city_id = c.id and a.benchmark_slug = $2
				 cross join (
				   select gq.id, gq.position, k.number from guide_question gq
				   join key_factor k on k.id = gq.key_factor_id where k.benchmark_id = $1
				 ) q
				 cross join lateral (
				   select (hashtext(a.id::text || q.id::text) & 2147483647) % 100 as n
				 ) r
				 where c.slug between $3 and $4
				 order by a.id, q.id`,
				[benchmark.id, BENCH_BENCHMARK, from, to]
			);
		})
	);
	seconds.answers = since(step);

	// As autovacuum would after a bulk load: statistics for the planner, a visibility map for
	// index-only scans. (VACUUM cannot run in a transaction; these are plain statements.)
	step = Date.now();
	for (const table of ['city', 'assessment', 'answer']) await db.query(`vacuum analyze ${table}`);
	seconds.vacuum = since(step);
	seconds.total = since(started);

	const middle = `${BENCH_CITY_PREFIX}${String(Math.ceil(cities / 2)).padStart(5, '0')}`;
	const [sample] = (
		await db.query(
			`select a.id as "assessmentId", a.city_id as "cityId", a.cycle from assessment a
			 join city c on c.id = a.city_id where c.slug = $1 and a.benchmark_slug = $2
			 order by a.cycle desc limit 1`,
			[middle, BENCH_BENCHMARK]
		)
	).rows;
	const [counts] = (
		await db.query(
			`select (select count(*)::int from assessment a join city c on c.id = a.city_id
			           where c.slug like $1) as assessments,
			        (select count(*)::int from answer n join assessment a on a.id = n.assessment_id
			           join city c on c.id = a.city_id where c.slug like $1) as answers`,
			[`${BENCH_CITY_PREFIX}%`]
		)
	).rows;
	log(
		`Generated ${cities.toLocaleString('en')} cities, ${counts.assessments.toLocaleString('en')} ` +
			`assessments and ${counts.answers.toLocaleString('en')} answers (${questions} guide ` +
			`questions each) in ${seconds.total} s: cities ${seconds.cities} s, assessments ` +
			`${seconds.assessments} s, answers ${seconds.answers} s, vacuum analyze ${seconds.vacuum} s.`
	);
	return {
		cities,
		assessments: counts.assessments,
		answers: counts.answers,
		questions,
		seconds,
		sample
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const url = process.env.DATABASE_URL;
	if (!url) {
		console.error('Set DATABASE_URL to a migrated, seeded database (e.g. one `npm start` made).');
		process.exit(1);
	}
	const cities = Number(process.argv[2] ?? 10_000);
	const clients = [
		new pg.Client({ connectionString: url }),
		new pg.Client({ connectionString: url })
	];
	try {
		for (const c of clients) await c.connect();
		await generateAssessments(clients, { cities, log: console.log });
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	} finally {
		for (const c of clients) await c.end().catch(() => {});
	}
}
