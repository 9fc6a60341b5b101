import { date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A daily job's run: the first process to insert the row for a day runs it; the others find
 * it there (a primary key, so the same on PGlite and PostgreSQL, with any number of processes).
 */
export const jobRun = pgTable(
	'job_run',
	{
		name: text('name').notNull(),
		day: date('day').notNull(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		/** What it did, e.g. how many mails it sent. */
		outcome: text('outcome')
	},
	(t) => [primaryKey({ columns: [t.name, t.day] })]
);
