import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { cacheVersion } from './schema.ts';

export type CacheName = 'figures' | 'content' | 'practices';

/** The counter's value now (0 if its row is missing, which the migration prevents). */
export async function versionOf(d: Db, name: CacheName): Promise<number> {
	const [row] = await d
		.select({ version: cacheVersion.version })
		.from(cacheVersion)
		.where(eq(cacheVersion.name, name));
	return row?.version ?? 0;
}

/** Several counters in one read, by name (0 for a missing row). */
export async function versionsOf<N extends CacheName>(
	d: Db,
	names: N[]
): Promise<Record<N, number>> {
	const rows = await d
		.select({ name: cacheVersion.name, version: cacheVersion.version })
		.from(cacheVersion)
		.where(inArray(cacheVersion.name, names));
	return Object.fromEntries(
		names.map((n) => [n, rows.find((r) => r.name === n)?.version ?? 0])
	) as Record<N, number>;
}
