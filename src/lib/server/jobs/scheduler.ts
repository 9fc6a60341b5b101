// Starts the daily jobs from the app's init: every few minutes each process looks whether a
// job is due today (after JOBS_HOUR UTC, 06:00 unless set) and runs it through runOnce, so
// only one process does. A process that starts later in the day runs the day's jobs then.
// JOBS=off turns the scheduler off (tests, benchmarks, a second pool of processes).
import { runOnce, utcDay } from './service.ts';
import { sendActionReminders } from '../mentoring/reminders.ts';
import { sendSurveyReminders } from '../surveys/campaign-reminders.ts';

export interface DailyJob {
	name: string;
	run: (day: string) => Promise<string>;
}

export const dailyJobs: DailyJob[] = [
	{ name: 'action-reminders', run: sendActionReminders },
	{ name: 'survey-reminders', run: sendSurveyReminders }
];

/**
 * Runs the jobs due at `now` that this process has not yet seen settled. Returns the names of
 * those this call ran.
 */
export async function runDueJobs(
	now: Date,
	hour: number,
	settled: Set<string>,
	jobs: DailyJob[] = dailyJobs
): Promise<string[]> {
	if (now.getUTCHours() < hour) return [];
	const day = utcDay(now);
	const ran: string[] = [];
	for (const job of jobs) {
		const key = `${job.name}|${day}`;
		if (settled.has(key)) continue;
		const result = await runOnce(job.name, day, () => job.run(day), { now });
		if (result.ran) {
			ran.push(job.name);
			console.log(`[jobs] ${job.name} ${day}: ${result.outcome}`);
		}
		if (result.settled) settled.add(key);
	}
	return ran;
}

function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
	const value = Number(process.env[name]);
	return process.env[name] && Number.isFinite(value) && value >= min && value <= max
		? value
		: fallback;
}

/** Starts checking; the returned function stops and resolves once a check under way ends. */
export function startScheduler(): () => Promise<void> {
	if (process.env.JOBS === 'off') return async () => {};
	const hour = numberFromEnv('JOBS_HOUR', 6, 0, 23);
	const everyMs = numberFromEnv('JOBS_EVERY_MINUTES', 10, 1, 24 * 60) * 60_000;
	const settled = new Set<string>();
	let current: Promise<void> | undefined;
	const tick = () => {
		current ??= runDueJobs(new Date(), hour, settled)
			.then(() => undefined)
			.catch((err) => console.error('[jobs] check failed:', err))
			.finally(() => {
				current = undefined;
			});
	};
	// Neither timer keeps a process (or a test run) alive on its own.
	const first = setTimeout(tick, 5_000);
	first.unref();
	const timer = setInterval(tick, everyMs);
	timer.unref();
	return async () => {
		clearTimeout(first);
		clearInterval(timer);
		await current;
	};
}
