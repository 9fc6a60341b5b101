import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Counters that database triggers move whenever what an app process keeps in memory would
 * change (migration 0004): 'figures' when an assessment is submitted, reopened, shared,
 * published or deleted, or a city's facts change (and, from migration 0007, when a city is
 * added or removed or a signature changes); 'content' when a benchmark version is added
 * or changed; 'practices' when the practice library's search index changes (migration 0007).
 * A process keeps what it computed until the counter moves: one primary-key read
 * per page instead of re-reading or re-computing, and right with any number of processes,
 * whoever wrote the change (the app, the seed step, a script).
 */
export const cacheVersion = pgTable('cache_version', {
	name: text('name').primaryKey(),
	version: integer('version').notNull().default(0)
});
