import { and, eq, isNull, like, lt } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { jobRun } from './schema.ts';

export type JobRun = typeof jobRun.$inferSelect;

/** The first process to insert the day's row gets it back; every other one gets nothing. */
export async function claimDay(db: Db, name: string, day: string, now: Date, outcome: string) {
	const rows = await db
		.insert(jobRun)
		.values({ name, day, startedAt: now, outcome })
		.onConflictDoNothing()
		.returning();
	return rows[0];
}

/**
 * Takes over a first attempt that never finished and began before `staleBefore`. One
 * statement with its condition, so of several processes at most one gets the row.
 */
export async function claimRetry(
	db: Db,
	name: string,
	day: string,
	now: Date,
	staleBefore: Date,
	firstAttempt: string,
	outcome: string
) {
	const rows = await db
		.update(jobRun)
		.set({ startedAt: now, outcome })
		.where(
			and(
				eq(jobRun.name, name),
				eq(jobRun.day, day),
				isNull(jobRun.finishedAt),
				lt(jobRun.startedAt, staleBefore),
				like(jobRun.outcome, `${firstAttempt}%`)
			)
		)
		.returning();
	return rows[0];
}

export async function record(
	db: Db,
	name: string,
	day: string,
	values: { outcome: string; finishedAt: Date | null }
) {
	await db
		.update(jobRun)
		.set(values)
		.where(and(eq(jobRun.name, name), eq(jobRun.day, day)));
}

export async function findRun(db: Db, name: string, day: string) {
	const [row] = await db
		.select()
		.from(jobRun)
		.where(and(eq(jobRun.name, name), eq(jobRun.day, day)));
	return row;
}
