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
 */

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
 * @returns {BenchCase[]}
 */
export function benchCases(root, assessments = { skip: 'no bench data' }) {
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
	return [
		{ name: 'static file', path: '/robots.txt', baseline: true },
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
