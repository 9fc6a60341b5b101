// What `npm run bench` loads. Add a case here to measure another endpoint: it is preflighted
// with one GET (or its own method/headers/body) and skipped when that does not answer 200.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_BENCHMARK } from './generate-assessments.js';

/**
 * @typedef {object} BenchCase
 * @property {string} name      Shown in the table.
 * @property {string} path      Requested on the server under test (127.0.0.1 only).
 * @property {boolean} [baseline]  The case the others are compared with (requests/s ratio).
 * @property {string} [pending]    Set for endpoints that may not exist yet: a 404 skips the case
 *   with this note instead of failing the run.
 * @property {string} [skip]       Set when the case cannot run this time (e.g. no bench data):
 *   it is not requested, and this note is shown instead.
 * @property {number} [aim]        The p95 latency the case should stay under, in ms.
 * @property {number} [connections]  Concurrent connections for this case (else the run's).
 * @property {string} [method]
 * @property {Record<string, string>} [headers]
 * @property {string} [body]
 * @property {string[]} [paths]  Asked for in turn, one per request (path is what the table shows).
 * @property {boolean} [cold]  Not warmed up: its paths are each meant to be asked for the first time.
 */

/**
 * The practice library's search on the practices scripts/bench/generate-practices.js wrote.
 * @typedef {object} LibraryContext
 * @property {number} [practices]  How many were written (none: the cases are skipped).
 * @property {number} [connections]  Concurrent connections for the cases with an aim.
 * @property {string[]} [vocabulary]  The library's words, for searches never asked before.
 */

/**
 * Words to search for, from the seeded practices' own vocabulary: common ones (a sixth of the
 * library has "language") and rare ones. With the pairs, 300-odd searches in turn: more than a
 * process keeps the matches of (200), so every request of the "new searches" case is a search
 * the process has not answered lately (PostgreSQL reads the words; their lists of practices
 * are kept per process once read: the "words never asked" case measures reading them).
 */
const WORDS = [
	'language',
	'employment',
	'women',
	'housing',
	'library',
	'mentoring',
	'school',
	'volunteers',
	'discrimination',
	'dusseldorf',
	'lublin',
	'tampere',
	'barcelona',
	'rumours',
	'refugees',
	'students',
	'journalists',
	'welcome',
	'health',
	'children',
	'business',
	'citizenship',
	'diversity',
	'participation',
	'training'
];
const SEARCHES = [
	...WORDS,
	...WORDS.flatMap((a, i) => WORDS.slice(i + 1).map((b) => `${a} ${b}`))
].map((q) => encodeURIComponent(q).replaceAll('%20', '+'));

/** A search and its drill-down: the same words with facets chosen and pages turned. */
const DRILL_DOWN = ['language', 'mentoring', 'welcome'].flatMap((q) => [
	`q=${q}`,
	`q=${q}&page=2`,
	`q=${q}&theme=introductory-and-language-courses`,
	`q=${q}&country=PL`,
	`q=${q}&period=2010`,
	`q=${q}&sort=newest`,
	`q=${q}&kf=enhancing-public-perception/public-commitment&period=2020`
]);
const FACETS = [
	'country=PL',
	'country=DE&period=2000',
	'theme=introductory-and-language-courses',
	'kf=enhancing-public-perception/public-commitment',
	'period=2010&page=3',
	'country=FI&theme=anti-discrimination-policies'
];

/**
 * The network's figures with many cities: a city's report page and the network distribution,
 * signed in as the network admin, on the data scripts/bench/generate-assessments.js wrote.
 * @typedef {object} AssessmentContext
 * @property {string} [cookie]  The admin's session cookie.
 * @property {{ cityId: string, assessmentId: string }} [sample]  A generated assessment.
 * @property {string} [skip]    Why there is no such data this time.
 * @property {number} [connections]  Concurrent connections for the cases with an aim.
 */

/**
 * @param {string} root  The repository, for reading the seeded content.
 * @param {AssessmentContext} [assessments]
 * @param {LibraryContext} [library]
 * @returns {BenchCase[]}
 */
export function benchCases(
	root,
	assessments = { skip: 'no bench data' },
	library = { practices: 0 }
) {
	const slug = BENCH_BENCHMARK;
	const content = JSON.parse(
		readFileSync(join(root, 'content', 'benchmarks', `${slug}.json`), 'utf8')
	);
	const keyFactor = content.keyFactors[0].slug;
	const { cookie, sample, connections } = assessments;
	const ready = cookie && sample && !assessments.skip;
	const skip = ready ? undefined : (assessments.skip ?? 'no bench data');
	const headers = cookie ? { cookie } : undefined;
	const report = sample
		? `/workspace/${sample.cityId}/assessments/${sample.assessmentId}/report`
		: '/workspace/{cityId}/assessments/{assessmentId}/report';
	const reportApi = `/api/v1/assessments/${sample?.assessmentId ?? '{assessmentId}'}/report`;
	const noLibrary = library.practices ? undefined : 'BENCH_PRACTICES=0: no practices written';
	const libraryCase = {
		skip: noLibrary,
		aim: 50,
		connections: library.connections
	};
	return [
		{ name: 'static file', path: '/robots.txt', baseline: true },
		{ name: 'practice library', path: '/practices', ...libraryCase },
		{
			// First in the run, so that no case before has asked for these words: each request
			// reads its word's list from PostgreSQL (until the words run out, then in turn).
			name: 'practice search, words never asked',
			path: `/practices?q=… (${library.vocabulary?.length ?? 0} words, each once, in turn)`,
			paths: (library.vocabulary ?? ['none']).map((w) => `/practices?q=${encodeURIComponent(w)}`),
			cold: true,
			...libraryCase
		},
		{
			name: 'practice search, new searches',
			path: `/practices?q=… (${SEARCHES.length} searches in turn)`,
			paths: SEARCHES.map((q) => `/practices?q=${q}`),
			...libraryCase
		},
		{
			name: 'practice search, drill-down',
			path: `/practices?q=…&facets… (${DRILL_DOWN.length} in turn)`,
			paths: DRILL_DOWN.map((query) => `/practices?${query}`),
			...libraryCase
		},
		{
			name: 'practice facets, no words',
			path: `/practices?country=… (${FACETS.length} in turn)`,
			paths: FACETS.map((query) => `/practices?${query}`),
			...libraryCase
		},
		{
			name: 'practice search API, new searches',
			path: `/api/v1/practices?q=… (${SEARCHES.length} in turn)`,
			paths: SEARCHES.map((q) => `/api/v1/practices?q=${q}`),
			...libraryCase
		},
		{ name: 'benchmark page', path: `/toolkits/${slug}` },
		{ name: 'cities and map', path: '/cities' },
		{ name: 'cities map by score', path: '/cities?colour=score' },
		{ name: 'key-factor page', path: `/toolkits/${slug}/${keyFactor}` },
		{
			name: 'benchmark API',
			path: `/api/v1/benchmarks/${slug}`,
			pending: 'the read API is being added in another issue'
		},
		{ name: 'report page (admin)', path: report, headers, skip, aim: 150, connections },
		{ name: 'report API (admin)', path: reportApi, headers, skip, connections },
		{
			name: 'distribution page (admin)',
			path: `/admin/assessments?benchmark=${slug}`,
			headers,
			skip,
			aim: 300,
			connections,
			pending: 'the network distribution page is being built in another issue'
		}
	];
}
