import { eq } from 'drizzle-orm';
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
