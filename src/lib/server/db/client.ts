// One code path over two drivers: embedded PGlite in a folder when no DATABASE_URL is set,
// a PostgreSQL server through `pg` when it is.
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';
import { lockFolder } from './lock.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	readonly db: Db;
	readonly kind: 'pglite' | 'postgres';
	close(): Promise<void>;
}

export interface DatabaseOptions {
	/** A postgres:// URL; without it the embedded database is used. */
	url?: string;
	/** Folder of the embedded database; `memory://` keeps it in memory (tests). */
	dataDir?: string;
	migrationsFolder?: string;
	poolSize?: number;
}

// Any constant works; it only has to be the same in every process of this app.
const MIGRATION_LOCK_KEY = 7_262_001;

export function migrationsFolder(): string {
	return resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
	const folder = options.migrationsFolder ?? migrationsFolder();
	if (options.url) {
		const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
		const db = drizzlePg(pool, { schema }) as unknown as Db;
		// Several processes may start together: one migrates, the others wait for it.
		const client = await pool.connect();
		try {
			await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
			await migratePg(drizzlePg(client, { schema }), { migrationsFolder: folder });
		} finally {
			await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
			client.release();
		}
		return {
			db,
			kind: 'postgres',
			async close() {
				// pool.end() resolves before its connections have closed; wait for each of them so
				// that a database dropped right after (tests) never kills a closing connection.
				let left = pool.totalCount;
				const closed = new Promise<void>((done) => {
					if (left === 0) done();
					pool.on('remove', () => {
						if (--left <= 0) done();
					});
				});
				await pool.end();
				await closed;
			}
		};
	}

	const dataDir = options.dataDir ?? 'data';
	const inMemory = dataDir.startsWith('memory://');
	const lock = inMemory ? undefined : lockFolder(dataDir);
	try {
		// unaccent: full-text search finds "Düsseldorf" when one types "dusseldorf".
		const client = new PGlite(inMemory ? dataDir : resolve(dataDir), { extensions: { unaccent } });
		await client.waitReady;
		const pgliteDb = drizzlePglite(client, { schema });
		await migratePglite(pgliteDb, { migrationsFolder: folder });
		return {
			db: pgliteDb as unknown as Db,
			kind: 'pglite',
			async close() {
				await client.close();
				lock?.release();
			}
		};
	} catch (error) {
		lock?.release();
		throw error;
	}
}
