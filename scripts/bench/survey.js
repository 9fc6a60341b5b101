// The survey results' aims, measured on the campaign scripts/bench/generate-survey.js wrote
// (100,000 cities × 50 questions on PostgreSQL): (1) every question's figures of the campaign,
// computed in under 1 s; (2) the whole CSV download streamed in constant memory, the server's
// resident memory staying under 200 MB while it is written.
//
// (1) is timed on GET /api/v1/campaigns/{slug}/results as the network admin: the figures of
// every question plus the rate and the first 200 cities of the table by city, end to end
// (the aggregates are most of it). The first request, then the median of five.
// (2) downloads /admin/campaigns/{slug}/results.csv whole while sampling the server process's
// VmRSS in /proc every 50 ms (Linux), and reports its peak and the time taken. The idle server
// already holds about 280 MB (the practice library's in-memory index, the seeded content), so
// the aim is on what the download adds: under 200 MB, whatever the campaign's size.
import { readFileSync } from 'node:fs';
import { BENCH_SURVEY_CAMPAIGN } from './generate-survey.js';

export const SURVEY_AGGREGATE_AIM_MS = 1000;
export const SURVEY_CSV_RSS_AIM_MB = 200;

/** The process's resident memory in MB, or undefined where /proc is not there. */
export function residentMb(/** @type {number} */ pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
		return kb ? Number(kb) / 1024 : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Samples `pid`'s resident memory every `everyMs` until stopped; the peak seen.
 * @param {number} pid
 * @param {number} [everyMs]
 */
export function sampleMemory(pid, everyMs = 50) {
	let peak = residentMb(pid) ?? 0;
	const timer = setInterval(() => {
		peak = Math.max(peak, residentMb(pid) ?? 0);
	}, everyMs);
	return {
		stop() {
			clearInterval(timer);
			peak = Math.max(peak, residentMb(pid) ?? 0);
			return peak;
		}
	};
}

/**
 * Reads a response body to the end without keeping it: its size, the lines in it, and when
 * its first byte came.
 * @param {Response} response
 */
export async function drain(response) {
	if (!response.body) return { bytes: 0, lines: 0 };
	let bytes = 0;
	let lines = 0;
	for await (const chunk of response.body) {
		bytes += chunk.length;
		for (const byte of chunk) if (byte === 10) lines++;
	}
	return { bytes, lines };
}

/**
 * @param {{ base: string, cookie: string, pid: number | undefined,
 *   log?: (line: string) => void }} options
 * @returns {Promise<{ aggregateFirstMs: number, aggregateMs: number, csvSeconds: number,
 *   csvMb: number, csvRows: number, rssBeforeMb: number | undefined, rssPeakMb: number | undefined }>}
 */
export async function measureSurveyResults({ base, cookie, pid, log = () => {} }) {
	const headers = { cookie };
	const api = `${base}/api/v1/campaigns/${BENCH_SURVEY_CAMPAIGN}/results`;
	/** @type {number[]} */
	const times = [];
	for (let i = 0; i < 6; i++) {
		const started = performance.now();
		const response = await fetch(api, { headers });
		if (response.status !== 200) throw new Error(`${api} answered ${response.status}`);
		await response.arrayBuffer();
		times.push(performance.now() - started);
	}
	const [first, ...rest] = times;
	const sorted = rest.sort((a, b) => a - b);
	const aggregateMs = Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
	log(
		`survey results API (all figures of ${BENCH_SURVEY_CAMPAIGN}): first ${Math.round(first ?? 0)} ms, ` +
			`then median of ${sorted.length}: ${aggregateMs} ms`
	);

	const csv = `${base}/admin/campaigns/${BENCH_SURVEY_CAMPAIGN}/results.csv`;
	const rssBeforeMb = pid ? residentMb(pid) : undefined;
	const memory = pid ? sampleMemory(pid) : undefined;
	const started = performance.now();
	const response = await fetch(csv, { headers });
	if (response.status !== 200) throw new Error(`${csv} answered ${response.status}`);
	const { bytes, lines } = await drain(response);
	const csvSeconds = (performance.now() - started) / 1000;
	const rssPeakMb = memory?.stop();
	log(
		`survey results CSV: ${(bytes / 1e6).toFixed(1)} MB, ${(lines - 1).toLocaleString('en')} rows in ` +
			`${csvSeconds.toFixed(1)} s; server RSS ${rssBeforeMb?.toFixed(0) ?? '?'} MB before, ` +
			`peak ${rssPeakMb?.toFixed(0) ?? '?'} MB while streaming`
	);
	return {
		aggregateFirstMs: Math.round(first ?? 0),
		aggregateMs,
		csvSeconds,
		csvMb: bytes / 1e6,
		csvRows: lines - 1,
		rssBeforeMb,
		rssPeakMb
	};
}
