// Integration tests run on embedded PGlite always, and on PostgreSQL when TEST_DATABASE_URL
// names a server: each test file gets its own throwaway database there.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { closeDatabase, useDatabase } from '../db/index.ts';
import { resetAuth } from '../auth/auth.ts';
import { seedContent } from '../content/seed.ts';
import { seedDemo } from '../content/demo.ts';

export type Engine = 'pglite' | 'postgres';

/** The engines this run tests on: PGlite, plus PostgreSQL when a server is configured. */
export function engines(): Engine[] {
	return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
	const admin = process.env.TEST_DATABASE_URL!;
	const name = `ic_test_${randomBytes(6).toString('hex')}`;
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	await client.query(`create database ${name}`);
	await client.end();
	const url = new URL(admin);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		async drop() {
			const c = new pg.Client({ connectionString: admin });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}

export async function openTestDatabase(engine: Engine): Promise<DatabaseHandle> {
	process.env.MAIL_QUIET = '1';
	process.env.AUTH_RATE_LIMIT ??= 'off';
	if (engine === 'pglite') return openDatabase({ dataDir: 'memory://' });
	const created = await createPostgresDatabase();
	const handle = await openDatabase({ url: created.url, poolSize: 4 });
	return {
		...handle,
		async close() {
			await handle.close();
			await created.drop();
		}
	};
}

/**
 * Installs a fresh, seeded database for the tests of one `describe` block and removes it
 * afterwards. `demo` adds the demo accounts.
 */
export function useTestDatabase(engine: Engine, options: { demo?: boolean } = {}) {
	let handle: DatabaseHandle | undefined;
	beforeAll(async () => {
		handle = await openTestDatabase(engine);
		useDatabase(handle);
		resetAuth();
		await seedContent(handle.db);
		if (options.demo) await seedDemo(handle.db);
	});
	afterAll(async () => {
		resetAuth();
		await closeDatabase();
	});
	return () => handle!.db;
}
