import { describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '../testing/database.ts';
import { jobRun } from './schema.ts';
import { findRun, runOnce, utcDay } from './service.ts';
import { runDueJobs } from './scheduler.ts';

const HOUR = 3600 * 1000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines())('daily jobs on %s', (engine) => {
	const db = useTestDatabase(engine);

	function counter() {
		let calls = 0;
		return {
			get calls() {
				return calls;
			},
			async fn() {
				calls += 1;
				// Long enough for the other caller to try its claim while this one runs.
				await pause(50);
				return `ran ${calls}`;
			}
		};
	}

	it('runs a job once when two callers claim the same day at the same time', async () => {
		// On PostgreSQL the two calls go through two connections of the pool, as two processes would.
		const job = counter();
		const results = await Promise.all([
			runOnce('concurrent', '2026-11-20', () => job.fn()),
			runOnce('concurrent', '2026-11-20', () => job.fn())
		]);
		expect(job.calls).toBe(1);
		expect(results.map((r) => r.ran).sort()).toEqual([false, true]);
		const run = await findRun('concurrent', '2026-11-20');
		expect(run?.outcome).toBe('ran 1');
		expect(run?.finishedAt).toBeInstanceOf(Date);

		const later = await runOnce('concurrent', '2026-11-20', () => job.fn());
		expect(later).toMatchObject({ ran: false, settled: true, outcome: 'ran 1' });
		expect(job.calls).toBe(1);
	});

	it('runs again the next day', async () => {
		const job = counter();
		await runOnce('daily', '2026-11-20', () => job.fn());
		const next = await runOnce('daily', '2026-11-21', () => job.fn());
		expect(next.ran).toBe(true);
		expect(job.calls).toBe(2);
	});

	it('takes over a run that crashed more than an hour ago, once, by one caller', async () => {
		const now = new Date();
		await db()
			.insert(jobRun)
			.values({
				name: 'crashed',
				day: '2026-11-20',
				startedAt: new Date(now.getTime() - 2 * HOUR),
				outcome: 'attempt 1 running'
			});
		const job = counter();
		const results = await Promise.all([
			runOnce('crashed', '2026-11-20', () => job.fn(), { now }),
			runOnce('crashed', '2026-11-20', () => job.fn(), { now })
		]);
		expect(job.calls).toBe(1);
		expect(results.filter((r) => r.ran)).toHaveLength(1);
		expect((await findRun('crashed', '2026-11-20'))?.outcome).toBe('ran 1 (attempt 2)');
	});

	it('leaves alone a run that may still be going, and gives up after a second crash', async () => {
		const now = new Date();
		await db()
			.insert(jobRun)
			.values([
				{
					name: 'running',
					day: '2026-11-20',
					startedAt: new Date(now.getTime() - 10 * 60 * 1000),
					outcome: 'attempt 1 running'
				},
				{
					name: 'crashed-twice',
					day: '2026-11-20',
					startedAt: new Date(now.getTime() - 3 * HOUR),
					outcome: 'attempt 2 running'
				}
			]);
		const job = counter();
		const running = await runOnce('running', '2026-11-20', () => job.fn(), { now });
		expect(running).toMatchObject({ ran: false, settled: false });
		const twice = await runOnce('crashed-twice', '2026-11-20', () => job.fn(), { now });
		expect(twice).toMatchObject({ ran: false, settled: true });
		expect(job.calls).toBe(0);
	});

	it('keeps a failure as the outcome and tries once more an hour later', async () => {
		const now = new Date();
		const failed = await runOnce('failing', '2026-11-20', async () => {
			throw new Error('SMTP down');
		});
		expect(failed).toMatchObject({ ran: true, settled: false });
		const run = await findRun('failing', '2026-11-20');
		expect(run?.outcome).toBe('attempt 1 failed: SMTP down');
		expect(run?.finishedAt).toBeNull();

		const soon = await runOnce('failing', '2026-11-20', async () => 'ok', { now });
		expect(soon.ran).toBe(false);
		const later = new Date(now.getTime() + 2 * HOUR);
		const retried = await runOnce('failing', '2026-11-20', async () => 'ok', { now: later });
		expect(retried).toMatchObject({ ran: true, settled: true, outcome: 'ok (attempt 2)' });
	});

	it('the scheduler runs due jobs after the hour, once per process and day', async () => {
		const job = counter();
		const jobs = [{ name: 'scheduled', run: () => job.fn() }];
		const settled = new Set<string>();
		const morning = new Date('2026-11-20T05:59:00Z');
		expect(await runDueJobs(morning, 6, settled, jobs)).toEqual([]);
		const later = new Date('2026-11-20T14:00:00Z');
		expect(await runDueJobs(later, 6, settled, jobs)).toEqual(['scheduled']);
		expect(await runDueJobs(later, 6, settled, jobs)).toEqual([]);
		// Another process (its own memory) finds the day taken in the database.
		expect(await runDueJobs(later, 6, new Set(), jobs)).toEqual([]);
		expect(job.calls).toBe(1);
		expect(utcDay(later)).toBe('2026-11-20');
	});
});
