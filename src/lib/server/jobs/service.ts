// Daily jobs, run once per day however many processes run the app: the day is claimed by
// inserting its job_run row (a primary key), which only one process can do, on PGlite as on
// PostgreSQL. Jobs are the system's own work, so no actor is asked for; each job's own
// service decides what it may touch.
//
// A crash (or an error) leaves the row without finished_at. After an hour one more attempt
// is allowed, claimed by one conditional UPDATE, so that a day lost to a restart is not lost
// for good; a second failure ends the day's attempts. Jobs must therefore tolerate running
// twice for a day (the reminders skip whoever was already mailed that day).
import { db } from '../db/index.ts';
import * as queries from './queries.ts';

export type { JobRun } from './queries.ts';

const FIRST = 'attempt 1';
const SECOND = 'attempt 2';
const STALE_AFTER_MS = 60 * 60 * 1000;

export interface RunResult {
	/** Whether this call ran the job. */
	ran: boolean;
	/** Whether the day's run is over (done, or given up): nothing more to try today. */
	settled: boolean;
	outcome: string | null;
}

/** The UTC day of a moment, as the job_run table keys it: "2026-11-20". */
export function utcDay(now: Date): string {
	return now.toISOString().slice(0, 10);
}

/**
 * Runs `fn` for `day` unless another call, here or in another process, has already claimed
 * it. `fn` returns what it did (kept as the run's outcome, e.g. "3 mails").
 */
export async function runOnce(
	name: string,
	day: string,
	fn: () => Promise<string>,
	options: { now?: Date; staleAfterMs?: number } = {}
): Promise<RunResult> {
	const now = options.now ?? new Date();
	const d = await db();
	let attempt = FIRST;
	let claimed = await queries.claimDay(d, name, day, now, `${FIRST} running`);
	if (!claimed) {
		const staleBefore = new Date(now.getTime() - (options.staleAfterMs ?? STALE_AFTER_MS));
		attempt = SECOND;
		claimed = await queries.claimRetry(d, name, day, now, staleBefore, FIRST, `${SECOND} running`);
	}
	if (!claimed) {
		const run = await queries.findRun(d, name, day);
		const settled = !!run?.finishedAt || !!run?.outcome?.startsWith(SECOND);
		return { ran: false, settled, outcome: run?.outcome ?? null };
	}
	try {
		const done = await fn();
		const outcome = attempt === FIRST ? done : `${done} (${SECOND})`;
		await queries.record(d, name, day, { outcome, finishedAt: new Date() });
		return { ran: true, settled: true, outcome };
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		const outcome = `${attempt} failed: ${message}`;
		// The first failure leaves the row open for the one retry; the second closes the day.
		await queries.record(d, name, day, {
			outcome,
			finishedAt: attempt === FIRST ? null : new Date()
		});
		return { ran: true, settled: attempt !== FIRST, outcome };
	}
}

/** A day's run of a job as recorded (for tests and the console). */
export async function findRun(name: string, day: string) {
	return queries.findRun(await db(), name, day);
}
