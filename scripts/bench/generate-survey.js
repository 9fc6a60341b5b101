// Bench data for survey results: a survey of 50 questions of every countable type and one
// campaign answered by 100,000 cities (plus a few in progress, which the figures must leave
// out), written with set-based statements (INSERT … SELECT over generate_series), as
// generate-assessments.js does. Its cities are its own (bench-survey-city-000001 …), apart from
// the assessment bench's, so both sets fit.
//
// Standalone: DATABASE_URL=postgres://… node scripts/bench/generate-survey.js [cities]
// (100,000 by default). It refuses a database that already has the bench survey.
import process from 'node:process';
import pg from 'pg';

export const BENCH_SURVEY = 'bench-survey';
export const BENCH_SURVEY_CAMPAIGN = 'bench-survey-2026';
export const BENCH_SURVEY_CITY_PREFIX = 'bench-survey-city-';
/** Cities that started but did not submit: their answers are written and must not count. */
const IN_PROGRESS_SHARE = 0.02;

/** @typedef {import('./generate-assessments.js').Queryable} Queryable */

const since = (/** @type {number} */ start) => Math.round((Date.now() - start) / 100) / 10;

const en = (/** @type {string} */ text) => ({ en: text });
const options = (/** @type {number} */ n) =>
	Array.from({ length: n }, (_, i) => ({ key: `o${i + 1}`, label: en(`Option ${i + 1}`) }));

/**
 * The 50 questions: 20 numbers, 10 scales, 8 one-choice, 6 several-choices, 4 commitments and
 * 2 tables of 2 × 2 cells. Every question's key says its type and place (n01, s01, …).
 */
export function benchSurveyDefinition() {
	/** @type {any[]} */
	const questions = [];
	const add = (
		/** @type {string} */ prefix,
		/** @type {number} */ n,
		/** @type {(i: number) => object} */ make
	) => {
		for (let i = 1; i <= n; i++) {
			const key = `${prefix}${String(i).padStart(2, '0')}`;
			questions.push({ key, label: en(`Question ${key}`), required: false, ...make(i) });
		}
	};
	add('n', 20, () => ({ type: 'number', unit: en('people'), min: 0 }));
	add('s', 10, () => ({ type: 'scale' }));
	add('c', 8, () => ({ type: 'single', options: options(4) }));
	add('m', 6, () => ({ type: 'multiple', options: options(4) }));
	add('k', 4, (i) => ({ type: 'commitments', commitments: [`bench-commitment-${i}`] }));
	add('t', 2, () => ({
		type: 'table',
		unit: en('people'),
		rows: [
			{ key: '2024', label: en('2024') },
			{ key: '2025', label: en('2025') }
		],
		columns: [
			{ key: 'arrivals', label: en('Arrivals') },
			{ key: 'transit', label: en('Transit') }
		]
	}));
	return {
		sections: [
			{ key: 'figures', title: en('Figures'), questions: questions.slice(0, 30) },
			{ key: 'choices', title: en('Choices'), questions: questions.slice(30) }
		]
	};
}

/**
 * Writes `cities` cities answering every question of the bench survey's one closed campaign,
 * and 2 % more that have answers but did not submit. Values are deterministic (hashes of the
 * ids); about 5 % of table cells are unknown (no row), as in real tables.
 *
 * @param {Queryable} db
 * @param {{ cities: number, log?: (line: string) => void }} options
 */
export async function generateSurvey(db, { cities, log = () => {} }) {
	if (!Number.isInteger(cities) || cities < 1) throw new Error(`cities must be ≥ 1: ${cities}`);
	const started = Date.now();
	/** @type {Record<string, number>} */
	const seconds = {};
	const networks = (await db.query('select id from network')).rows;
	if (networks.length !== 1) throw new Error('expected the one seeded network: seed first');
	const existing = (await db.query('select 1 from survey where slug = $1', [BENCH_SURVEY])).rows;
	if (existing.length) throw new Error('this database already has the bench survey');
	const inProgress = Math.ceil(cities * IN_PROGRESS_SHARE);
	const total = cities + inProgress;

	let step = Date.now();
	await db.query(
		`insert into city (network_id, slug, name, country, source)
		 select $1, $2 || lpad(g::text, 6, '0'), 'Survey City ' || lpad(g::text, 6, '0'),
		   (array['AT','DE','ES','FI','FR','IT','NL','PL','SE'])[1 + g % 9], 'Generated for the benchmark'
		 from generate_series(1, $3::int) g`,
		[networks[0].id, BENCH_SURVEY_CITY_PREFIX, total]
	);
	seconds.cities = since(step);

	const definition = benchSurveyDefinition();
	const [s] = (
		await db.query(`insert into survey (slug, title) values ($1, $2) returning id`, [
			BENCH_SURVEY,
			en('Bench survey')
		])
	).rows;
	const [v] = (
		await db.query(
			`insert into survey_version (survey_id, number, status, definition, published_at)
			 values ($1, 1, 'published', $2, now()) returning id`,
			[s.id, JSON.stringify(definition)]
		)
	).rows;
	const [c] = (
		await db.query(
			`insert into campaign (slug, survey_id, version_id, edition, target, status, opens_on,
			   closes_on, sent_at, closed_at)
			 values ($1, $2, $3, '2026', 'members', 'closed', '2026-01-10', '2026-03-10', now(), now())
			 returning id`,
			[BENCH_SURVEY_CAMPAIGN, s.id, v.id]
		)
	).rows;

	// Every response starts in progress, as cities answer before they submit; the submissions
	// come after the answers, in one statement (the database adds their figures to
	// survey_figure then, once, rather than answer statement by answer statement).
	step = Date.now();
	await db.query(
		`insert into survey_response (campaign_id, city_id, status)
		 select $1, id, 'in_progress' from city where slug like $2`,
		[c.id, `${BENCH_SURVEY_CITY_PREFIX}%`]
	);
	seconds.responses = since(step);

	// One statement per kind of question; h is a hash of the response and question, so every
	// value is the same from run to run.
	step = Date.now();
	const questions = definition.sections.flatMap((x) => x.questions);
	const keysOf = (/** @type {string} */ type) =>
		questions.filter((q) => q.type === type).map((q) => q.key);
	const insert = (/** @type {string[]} */ keys, /** @type {string} */ select) =>
		db.query(
			`insert into survey_answer (response_id, campaign_id, question_key, cell, number, text)
			 select r.id, r.campaign_id, x.key, ${select}
			 from survey_response r cross join unnest($2::text[]) as x(key)
			 cross join lateral (select hashtext(r.id::text || x.key) & 2147483647 as h) hh
			 where r.campaign_id = $1`,
			[c.id, keys]
		);
	await insert(keysOf('number'), `'', (h % 50000)::float8, null`);
	await insert(keysOf('scale'), `'', (1 + h % 5)::float8, null`);
	await insert(keysOf('single'), `'', null, 'o' || (1 + h % 4)`);
	await insert(
		keysOf('commitments'),
		`'bench-commitment-' || right(x.key, 1)::int, null,
		(array['yes','partly','no'])[1 + h % 3]`
	);
	// Several choices: each option chosen by about half the cities; none chosen is "none".
	await db.query(
		`insert into survey_answer (response_id, campaign_id, question_key, cell, number)
		 select r.id, r.campaign_id, x.key, o.cell, o.number
		 from survey_response r cross join unnest($2::text[]) as x(key)
		 cross join lateral (select hashtext(r.id::text || x.key) & 2147483647 as h) hh
		 cross join lateral (
		   select 'o' || i as cell, 1::float8 as number from generate_series(1, 4) i
		   where (hh.h >> i) & 1 = 1
		   union all select '', 0 where hh.h & 30 = 0
		 ) o
		 where r.campaign_id = $1`,
		[c.id, keysOf('multiple')]
	);
	await db.query(
		`insert into survey_answer (response_id, campaign_id, question_key, cell, number)
		 select r.id, r.campaign_id, x.key, cell, (hashtext(r.id::text || x.key || cell) & 2147483647) % 100000
		 from survey_response r cross join unnest($2::text[]) as x(key)
		 cross join unnest(array['2024/arrivals','2024/transit','2025/arrivals','2025/transit']) cell
		 where r.campaign_id = $1
		   and (hashtext(cell || r.id::text || x.key) & 2147483647) % 100 >= 5`,
		[c.id, keysOf('table')]
	);
	seconds.answers = since(step);

	step = Date.now();
	await db.query(
		`update survey_response r set status = 'submitted', submitted_at = now()
		 from city ct
		 where ct.id = r.city_id and r.campaign_id = $1 and right(ct.slug, 6)::int <= $2`,
		[c.id, cities]
	);
	seconds.submissions = since(step);

	step = Date.now();
	for (const table of ['city', 'survey_response', 'survey_answer', 'survey_figure'])
		await db.query(`vacuum analyze ${table}`);
	seconds.vacuum = since(step);
	seconds.total = since(started);
	const [{ answers }] = (
		await db.query('select count(*)::int as answers from survey_answer where campaign_id = $1', [
			c.id
		])
	).rows;
	log(
		`Generated the survey campaign: ${cities.toLocaleString('en')} cities submitted and ` +
			`${inProgress.toLocaleString('en')} in progress, ${questions.length} questions, ` +
			`${answers.toLocaleString('en')} answers in ${seconds.total} s (cities ${seconds.cities} s, ` +
			`responses ${seconds.responses} s, answers ${seconds.answers} s, submissions ${seconds.submissions} s, ` +
			`vacuum analyze ${seconds.vacuum} s).`
	);
	return { cities, inProgress, answers, questions: questions.length, seconds };
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
		await generateSurvey(client, { cities: Number(process.argv[2] ?? 100_000), log: console.log });
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exitCode = 1;
	} finally {
		await client.end().catch(() => {});
	}
}
