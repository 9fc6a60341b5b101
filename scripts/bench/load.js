// Loading the server under test: signing in as a browser does, one request before the load,
// an autocannon run keeping every latency, and percentiles of them.
import autocannon from 'autocannon';

/**
 * Signs in through the sign-in form, as a browser does, and returns the session cookie.
 * @param {string} base
 * @param {{ email: string, password: string }} account
 */
export async function signIn(base, { email, password }) {
	const response = await fetch(`${base}/sign-in`, {
		method: 'POST',
		headers: {
			accept: 'text/html',
			origin: base,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password }).toString(),
		redirect: 'manual'
	});
	await response.arrayBuffer();
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
	if (response.status !== 303 || !cookie.includes('session_token=')) {
		throw new Error(`signing in as ${email} answered ${response.status}, without a session`);
	}
	return cookie;
}

/**
 * One autocannon run. Each response's latency is kept, so that p95 is computed from them all
 * (autocannon's own histogram reports p90, p97.5 and p99, not p95). A case with `paths` asks
 * for them in turn, one per request.
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string, paths?: string[] }} request
 * @param {number} duration
 * @param {number} concurrency
 */
export async function load(url, request, duration, concurrency) {
	/** @type {number[]} */
	const latencies = [];
	const paths = request.paths;
	let next = 0;
	const instance = autocannon({
		url,
		connections: concurrency,
		duration,
		method: request.method ?? 'GET',
		headers: request.headers,
		body: request.body,
		...(paths
			? {
					requests: [
						{
							setupRequest: (/** @type {Record<string, unknown>} */ req) => ({
								...req,
								path: paths[next++ % paths.length]
							})
						}
					]
				}
			: {})
	});
	instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
	const result = await instance;
	return { result, latencies };
}

/**
 * The value below which `p` of the latencies fall (nearest rank).
 * @param {number[]} values
 * @param {number} p  0–1
 */
export function percentile(values, p) {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/**
 * One request before the load: its status says whether the case can run, its time is what the
 * first reader waits (nothing cached yet).
 * @param {string} url
 * @param {{ method?: string, headers?: Record<string, string>, body?: string }} request
 */
export async function preflight(url, request) {
	const started = performance.now();
	const response = await fetch(url, {
		method: request.method ?? 'GET',
		headers: request.headers,
		body: request.body,
		redirect: 'manual'
	});
	await response.arrayBuffer();
	return { status: response.status, ms: Math.round(performance.now() - started) };
}
