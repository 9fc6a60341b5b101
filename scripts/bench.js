// `npm run bench`: starts the built server (building it first when needed, as `npm start`
// does) on 127.0.0.1 with the demo accounts and a fresh database, writes bench data into it
// (scripts/bench/generate-assessments.js: cities with five submitted, fully answered cycles
// each), loads each case of scripts/bench/cases.js with autocannon, and prints requests/s, p50,
// p95 and p99 latency, each case's requests/s as a share of the static file's, and the p95
// of the cases that have an aim against it, all measured in this one run. Not part of `npm test`.
//
// The database:
// - PostgreSQL when BENCH_POSTGRES=1 or DATABASE_URL is set: a throwaway database
//   ic_bench_<random> is created on that server (DATABASE_URL, else
//   postgres://postgres@127.0.0.1:5432/postgres), used, and dropped at the end. 10,000 cities.
// - Otherwise embedded PGlite in a temp folder. PGlite allows one process per folder, so the
//   server is started once (it migrates and seeds), stopped while the data is written, and
//   started again. A smaller set (1,000 cities) keeps that short: its figures are not the ones
//   the aims are about.
//
// Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_WARMUP seconds per case (2),
// BENCH_PORT (a free port), BENCH_POSTGRES (0), DATABASE_URL (see above), BENCH_CITIES (10,000
// on PostgreSQL, 1,000 on PGlite; 0 writes none and skips the cases that need them),
// BENCH_AIM_CONNECTIONS (10: the concurrency of the cases that have a latency aim),
// BENCH_PRACTICES (published practices written for the library's search: 100,000 on
// PostgreSQL, 10,000 on PGlite; 0 writes none), BENCH_SURVEY_CITIES (cities answering the
// bench survey's campaign of 50 questions, scripts/bench/generate-survey.js: 100,000 on
// PostgreSQL, 5,000 on PGlite; 0 writes none and skips the survey results' measurement),
// BENCH_ONLY (comma-separated words: only the cases whose names contain one, e.g.
// BENCH_ONLY=survey measures the survey results alone; with BENCH_CITIES=0 BENCH_PRACTICES=0
// nothing else is written either).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import pg from 'pg';
import { benchCases } from './bench/cases.js';
import { generateAssessments } from './bench/generate-assessments.js';
import { generatePractices, vocabulary } from './bench/generate-practices.js';
import { generateSurvey } from './bench/generate-survey.js';
import {
	measureSurveyResults,
	SURVEY_AGGREGATE_AIM_MS,
	SURVEY_CSV_RSS_AIM_MB
} from './bench/survey.js';
import { HOST, benchDataDir, freePort, startBenchServer } from './bench/server.js';
import { createThrowawayDatabase } from './bench/database.js';
import { load, percentile, preflight, signIn } from './bench/load.js';
import { printResults } from './bench/report.js';

const root = new URL('..', import.meta.url).pathname;

/**
 * @param {string} name
 * @param {number} fallback
 * @param {{ zero?: boolean }} [options]
 */
function positiveNumber(name, fallback, { zero = false } = {}) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero)) {
		console.error(`${name} must be a positive number (got ${JSON.stringify(raw)}).`);
		process.exit(1);
	}
	return value;
}

const seconds = positiveNumber('BENCH_SECONDS', 10);
const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 50));
const aimConnections = Math.round(positiveNumber('BENCH_AIM_CONNECTIONS', 10));
const warmup = process.env.BENCH_WARMUP === '0' ? 0 : positiveNumber('BENCH_WARMUP', 2);
const port = process.env.BENCH_PORT ? positiveNumber('BENCH_PORT', 0) : await freePort();
const postgres = process.env.BENCH_POSTGRES === '1' || Boolean(process.env.DATABASE_URL);
const cityCount = Math.round(
	positiveNumber('BENCH_CITIES', postgres ? 10_000 : 1_000, { zero: true })
);
if (cityCount > 99_999) {
	console.error('BENCH_CITIES must be at most 99,999.');
	process.exit(1);
}
const practiceCount = Math.round(
	positiveNumber('BENCH_PRACTICES', postgres ? 100_000 : 10_000, { zero: true })
);
const surveyCities = Math.round(
	positiveNumber('BENCH_SURVEY_CITIES', postgres ? 100_000 : 5_000, { zero: true })
);
const only = (process.env.BENCH_ONLY ?? '')
	.split(',')
	.map((w) => w.trim().toLowerCase())
	.filter(Boolean);
/** Whether a case of this name is measured in this run (BENCH_ONLY). */
const selected = (/** @type {string} */ name) =>
	only.length === 0 || only.some((w) => name.toLowerCase().includes(w));
const measureSurvey = surveyCities > 0 && selected('survey results');
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The machine's load, which the figures depend on. */
const load1 = () => `Load average over the last minute: ${loadavg()[0]?.toFixed(1)}`;

/** @type {Awaited<ReturnType<typeof createThrowawayDatabase>> | undefined} */
let throwaway;
const dataRoot = mkdtempSync(join(tmpdir(), 'ic-bench-'));
/** @type {Awaited<ReturnType<typeof startBenchServer>> | undefined} */
let server;
let stopping = false;
const stopAndExit = async (/** @type {number} */ code) => {
	if (stopping) return;
	stopping = true;
	await server?.stop().catch((e) => console.error(e));
	await throwaway?.drop().catch((e) => console.error(`Could not drop ${throwaway?.name}:`, e));
	rmSync(dataRoot, { recursive: true, force: true });
	process.exit(code);
};
process.once('SIGINT', () => void stopAndExit(130));
process.once('SIGTERM', () => void stopAndExit(143));

/** @type {import('./bench/cases.js').AssessmentContext} */
const assessments = { connections: aimConnections };
/** @type {import('./bench/cases.js').LibraryContext} */
const library = { connections: aimConnections };
/** The admin's session cookie, for the admin's cases. */
let adminCookie = '';
try {
	if (postgres) throwaway = await createThrowawayDatabase(serverUrl);
	const database = throwaway
		? `PostgreSQL (throwaway database ${throwaway.name} on ${new URL(serverUrl).host}, dropped at the end)`
		: 'embedded PGlite (fresh folder in a temp directory)';
	console.log(
		`Benchmark: ${seconds} s per case after ${warmup} s of warm-up, ${connections} connections ` +
			`(${aimConnections} for the cases with a latency aim), on ${database}.`
	);
	console.log(
		`Node ${process.versions.node}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}); ` +
			'autocannon runs on the same machine as the server.'
	);
	console.log(`${load1()}: anything else running on the machine skews the figures.\n`);

	// DEMO=1: the demo accounts, to sign in as the network admin.
	const env = { DEMO: '1', ...(throwaway ? { DATABASE_URL: throwaway.url } : {}) };
	server = await startBenchServer({ root, port, dataRoot, env });
	console.log(
		`Server answering at ${server.base} after ${(server.startedInMs / 1000).toFixed(1)} s.`
	);

	if (cityCount === 0) assessments.skip = 'BENCH_CITIES=0: no bench data written';
	const log = (/** @type {string} */ line) => console.log(line);
	if (throwaway) {
		if (cityCount > 0) {
			// Two connections: the answers are written in two halves at once, one per core.
			const clients = [0, 1].map(() => new pg.Client({ connectionString: throwaway?.url }));
			try {
				for (const c of clients) await c.connect();
				assessments.sample = (
					await generateAssessments(clients, { cities: cityCount, log })
				).sample;
			} finally {
				for (const c of clients) await c.end().catch(() => {});
			}
		}
		if (measureSurvey) {
			const client = new pg.Client({ connectionString: throwaway.url });
			try {
				await client.connect();
				await generateSurvey(client, { cities: surveyCities, log });
			} finally {
				await client.end().catch(() => {});
			}
		}
		if (practiceCount > 0) {
			const client = new pg.Client({ connectionString: throwaway.url });
			try {
				await client.connect();
				await generatePractices(client, { practices: practiceCount, log });
				library.practices = practiceCount;
				library.vocabulary = await vocabulary(client);
			} finally {
				await client.end().catch(() => {});
			}
		}
	} else if (cityCount > 0 || practiceCount > 0 || measureSurvey) {
		// PGlite: one process per folder. The server has migrated and seeded it; it stops while
		// the data is written here, then starts again on the same folder.
		await server.stop();
		server = undefined;
		const { PGlite } = await import('@electric-sql/pglite');
		const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
		const db = new PGlite(benchDataDir(dataRoot), { extensions: { unaccent } });
		try {
			await db.waitReady;
			if (cityCount > 0) {
				assessments.sample = (await generateAssessments([db], { cities: cityCount, log })).sample;
			}
			if (measureSurvey) await generateSurvey(db, { cities: surveyCities, log });
			if (practiceCount > 0) {
				await generatePractices(db, { practices: practiceCount, log });
				library.practices = practiceCount;
				library.vocabulary = await vocabulary(db);
			}
		} finally {
			await db.close();
		}
		console.log(
			`PGlite: ${cityCount.toLocaleString('en')} cities and ${practiceCount.toLocaleString('en')} ` +
				'practices rather than 10,000 and 100,000, to write them quickly; run with ' +
				'BENCH_POSTGRES=1 for the figures the aims are about.'
		);
		server = await startBenchServer({ root, port, dataRoot, env });
		console.log(`Server answering again after ${(server.startedInMs / 1000).toFixed(1)} s.`);
	}
	if (assessments.sample || measureSurvey) {
		const demo = JSON.parse(readFileSync(join(root, 'content', 'demo-accounts.json'), 'utf8'));
		const admin = demo.accounts.find(
			(/** @type {{ role: string }} */ a) => a.role === 'network_admin'
		);
		adminCookie = await signIn(server.base, { email: admin.email, password: demo.password });
		if (assessments.sample) assessments.cookie = adminCookie;
		console.log(`Signed in as ${admin.email} (network admin) for the admin's cases.`);
	}
	console.log('');
} catch (error) {
	console.error(error);
	await stopAndExit(1);
}
if (!server) throw new Error('unreachable: no server');
/** When the build the server runs was written: another `vite build` mid-run breaks its pages. */
const built = () => statSync(join(root, 'build', 'handler.js'), { throwIfNoEntry: false })?.mtimeMs;
const builtAtStart = built();

/** @type {{ name: string, path: string, baseline?: boolean, aim?: number, connections?: number, first?: number, rps?: number, p50?: number, p95?: number, p99?: number, non2xx?: number, errors?: number, note?: string }[]} */
const rows = [];
let failed = false;
try {
	for (const c of benchCases(root, assessments, library).filter((c) => selected(c.name))) {
		const url = `${server.base}${c.paths?.[0] ?? c.path}`;
		if (c.skip) {
			const note = `skipped: ${c.skip}`;
			console.log(`${c.name}: ${note}`);
			rows.push({ name: c.name, path: c.path, aim: c.aim, note });
			continue;
		}
		if (new URL(url).hostname !== HOST) throw new Error(`refusing to load ${url}`);
		const { status, ms: first } = await preflight(url, c);
		if (status !== 200) {
			const skipped = c.pending && status === 404;
			if (!skipped) failed = true;
			const note = skipped ? `skipped: 404 (${c.pending})` : `FAILED: answered ${status}`;
			console.log(`${c.name} (${c.path}): ${note}`);
			rows.push({ name: c.name, path: c.path, aim: c.aim, note });
			continue;
		}
		const concurrency = c.connections ?? connections;
		process.stdout.write(`${c.name} (${c.path}), ${concurrency} connections: `);
		// A case of searches never asked before is not warmed up: that would ask them.
		if (warmup > 0 && !c.cold) await load(url, c, warmup, concurrency);
		const { result, latencies } = await load(url, c, seconds, concurrency);
		const row = {
			name: c.name,
			path: c.path,
			baseline: c.baseline,
			aim: c.aim,
			connections: concurrency,
			first,
			rps: result.requests.average,
			p50: result.latency.p50,
			p95: Math.round(percentile(latencies, 0.95)),
			p99: result.latency.p99,
			non2xx: result.non2xx,
			errors: result.errors
		};
		rows.push(row);
		console.log(
			`first ${first} ms, then ${Math.round(row.rps)} req/s, p50 ${row.p50} ms, p95 ${row.p95} ms, p99 ${row.p99} ms` +
				(row.non2xx || row.errors ? ` (${row.non2xx} non-2xx, ${row.errors} errors)` : '')
		);
		if (row.non2xx || row.errors) failed = true;
	}
} catch (error) {
	console.error(error);
	failed = true;
}

/** @type {Awaited<ReturnType<typeof measureSurveyResults>> | undefined} */
let survey;
if (measureSurvey) {
	try {
		survey = await measureSurveyResults({
			base: server.base,
			cookie: adminCookie,
			pid: server.pid,
			log: (line) => console.log(line)
		});
	} catch (error) {
		console.error(error);
		failed = true;
	}
}

const data = postgres
	? `PostgreSQL, ${cityCount.toLocaleString('en')} cities × 5 cycles, ${practiceCount.toLocaleString('en')} practices`
	: `PGlite, ${cityCount.toLocaleString('en')} cities × 5 cycles, ${practiceCount.toLocaleString('en')} practices: smaller sets than the aims are about`;
printResults(rows, { aimConnections, data });
if (survey) {
	const met = (/** @type {boolean} */ ok) => (ok ? 'met' : 'MISSED');
	const where = postgres
		? `PostgreSQL, ${surveyCities.toLocaleString('en')} cities × 50 questions`
		: `PGlite, ${surveyCities.toLocaleString('en')} cities × 50 questions: a smaller set than the aims are about`;
	console.log(`\nSurvey results aims (${where}):`);
	console.log(
		`  all figures of the campaign (results API as admin, median of 5 after the first ` +
			`${survey.aggregateFirstMs} ms): under ${SURVEY_AGGREGATE_AIM_MS} ms: ` +
			`${survey.aggregateMs} ms — ${met(survey.aggregateMs < SURVEY_AGGREGATE_AIM_MS)}`
	);
	// The idle server already holds its caches (the practice library's index, the seeded
	// content): what the download may add is the measure of constant memory.
	const peak = survey.rssPeakMb;
	const grown = peak === undefined ? undefined : peak - (survey.rssBeforeMb ?? 0);
	console.log(
		`  CSV download streamed (${survey.csvRows.toLocaleString('en')} rows, ` +
			`${survey.csvMb.toFixed(1)} MB in ${survey.csvSeconds.toFixed(1)} s): the server's RSS grows ` +
			`by under ${SURVEY_CSV_RSS_AIM_MB} MB: ` +
			(grown === undefined
				? 'not measured (no /proc)'
				: `+${grown.toFixed(0)} MB (${survey.rssBeforeMb?.toFixed(0)} MB before, peak ` +
					`${peak?.toFixed(0)} MB) — ${met(grown < SURVEY_CSV_RSS_AIM_MB)}`)
	);
	if (survey.aggregateMs >= SURVEY_AGGREGATE_AIM_MS || (grown ?? 0) >= SURVEY_CSV_RSS_AIM_MB)
		failed = true;
}
console.log(`\n${load1()}.`);
if (built() !== builtAtStart) {
	console.log(
		'build/ was rebuilt by another process during the run: the server loads pages lazily from ' +
			'it, so failures (500) and figures of this run are not to be trusted. Run again.'
	);
	failed = true;
}
// autocannon drops the requests still in flight when a run ends; the server finishes them
// before it stops, or they fail noisily on a closed database.
await new Promise((resolve) => setTimeout(resolve, 2000));
await stopAndExit(failed ? 1 : 0);
