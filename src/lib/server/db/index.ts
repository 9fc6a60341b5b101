// The app's database: opened once per process, lazily, never at import time (the build
// imports server modules and must not create ./data).
import { openDatabase, type DatabaseHandle, type Db } from './client.ts';

export type { Db } from './client.ts';

let handle: Promise<DatabaseHandle> | undefined;

export function startDatabase(open: () => Promise<DatabaseHandle> = defaultOpen) {
	handle ??= open();
	return handle;
}

function defaultOpen() {
	return openDatabase({
		url: process.env.DATABASE_URL || undefined,
		dataDir: process.env.DATA_DIR
	});
}

export async function db(): Promise<Db> {
	return (await startDatabase()).db;
}

export async function closeDatabase() {
	const current = handle;
	handle = undefined;
	if (current) await (await current).close();
}

/** Tests install their own database (PGlite in memory, or a throwaway PostgreSQL database). */
export function useDatabase(next: DatabaseHandle) {
	handle = Promise.resolve(next);
}
