// Crash safety of the embedded database, as the issue asks: a child process writes rows to a
// PGlite data folder and is killed with SIGKILL at random moments, twenty times over the same
// folder; every write it reported as committed must be there, and the folder must open again.
// A second process started on a folder in use must be refused.
//
// The writers are real processes (testing/writer.ts) opening the folder through openDatabase,
// as the server does. The kill moments come from a seeded generator: a failure message names
// the seed, and CRASH_SEED=<seed> replays the same moments; CRASH_VERBOSE=1 prints each kill
// (`ready+420ms→35`: killed 420 ms after the writer reported ready, having reported 35 commits;
// `opening+120ms (not open)→0`: killed inside openDatabase).
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDatabase } from './client.ts';
import { FolderLockedError } from './lock.ts';
import { auditLog } from '../audit/schema.ts';
import { outbox } from '../mail/schema.ts';
import {
	killWriters,
	migrationsFolder,
	seededRandom,
	sleep,
	startWriter
} from './testing/child.ts';
import { CRASH_ACTION, LOCK_FILE, LOCKED_EXIT_CODE } from './testing/protocol.ts';

const KILLS = 20;
/** Every fourth kill lands while the writer is still opening (lock, recovery, migrations). */
const STARTUP_KILL_EVERY = 4;
const seed = process.env.CRASH_SEED
	? Number(process.env.CRASH_SEED)
	: Math.floor(Math.random() * 2 ** 32);

const folders: string[] = [];
function tempFolder() {
	const dir = mkdtempSync(join(tmpdir(), 'ic-crash-'));
	folders.push(dir);
	return join(dir, 'data');
}

afterEach(async () => {
	await killWriters();
	for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function lockOwner(dataDir: string): number | undefined {
	try {
		return (JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as { pid: number }).pid;
	} catch {
		return undefined;
	}
}

/** Opens the folder in this process, as the next server start would, and reads the rows back. */
async function readBack(dataDir: string) {
	const handle = await openDatabase({ dataDir, migrationsFolder });
	try {
		const audits = await handle.db
			.select({ id: auditLog.id })
			.from(auditLog)
			.where(eq(auditLog.action, CRASH_ACTION));
		const mails = await handle.db
			.select({ subject: outbox.subject })
			.from(outbox)
			.where(eq(outbox.purpose, CRASH_ACTION));
		return { audits: audits.map((r) => r.id), mails: mails.map((r) => r.subject) };
	} finally {
		await handle.close();
	}
}

/**
 * Every reported id is there; at most `unreported` rows more (a transaction committed but killed
 * before it could report, at most one per kill); and each transaction is all-or-nothing (its
 * audit_log row and its outbox row are both there, or neither).
 */
function expectEveryCommit(
	reported: string[],
	found: { audits: string[]; mails: string[] },
	unreported: number,
	context: string
) {
	const audits = new Set(found.audits);
	const mails = new Set(found.mails);
	expect(new Set(reported).size, `reported ids are unique (${context})`).toBe(reported.length);
	expect(
		reported.filter((id) => !audits.has(id)),
		`reported as committed, missing after reopening (${context})`
	).toEqual([]);
	expect(found.audits.length, `row count (${context})`).toBeGreaterThanOrEqual(reported.length);
	expect(found.audits.length - reported.length, `unreported rows (${context})`).toBeLessThanOrEqual(
		unreported
	);
	expect(audits.size, `duplicate audit rows (${context})`).toBe(found.audits.length);
	expect(
		found.audits.filter((id) => !mails.has(id)),
		`half transactions (${context})`
	).toEqual([]);
	expect(found.mails.length, `half transactions (${context})`).toBe(found.audits.length);
}

describe('PGlite data folder under SIGKILL', () => {
	it(`keeps every reported commit through ${KILLS} kills and opens again each time`, async () => {
		const dataDir = tempFolder();
		const random = seededRandom(seed);
		const reported: string[] = [];
		const history: string[] = [];

		for (let kill = 1; kill <= KILLS; kill++) {
			const context = `seed ${seed}, kill ${kill}: ${history.join(', ')}`;
			const writer = startWriter(dataDir);
			const duringStartup = kill % STARTUP_KILL_EVERY === 0;
			let delay: number;
			if (duringStartup) {
				// While openDatabase runs (~0.4 s): the lock, PGlite's recovery, the migrations.
				await writer.whenOpening();
				delay = Math.round(random() * 450);
				await sleep(delay);
			} else {
				// The first writer creates the cluster (initdb, several seconds on 2 cores).
				await writer.whenReady(kill === 1 ? 90_000 : 30_000);
				// It took over the lock the killed writer before it left behind.
				expect(lockOwner(dataDir), `lock owner (${context})`).toBe(writer.pid);
				delay = Math.round(150 + random() * 750);
				await sleep(delay);
			}
			const wasReady = writer.isReady;
			writer.kill('SIGKILL');
			const exit = await writer.exited;
			expect(exit.signal, `writer ${kill} ended by itself: ${writer.stderr}`).toBe('SIGKILL');
			expect(writer.stderr, `writer ${kill}`).not.toContain('unexpected stdout line');
			if (wasReady) {
				// The killed writer's lock is left behind, stale: the next one must take it over.
				expect(lockOwner(dataDir), `stale lock (${context})`).toBe(writer.pid);
			}
			reported.push(...writer.ids);
			history.push(
				`${duringStartup ? 'opening' : 'ready'}+${delay}ms${wasReady ? '' : ' (not open)'}→${writer.ids.length}`
			);
		}

		if (process.env.CRASH_VERBOSE) console.info(`seed ${seed}: ${history.join(', ')}`);
		expect(reported.length, `no writer committed anything (seed ${seed})`).toBeGreaterThan(0);
		const found = await readBack(dataDir);
		expectEveryCommit(reported, found, KILLS, `seed ${seed}: ${history.join(', ')}`);
		expect(existsSync(join(dataDir, LOCK_FILE)), 'lock released after a clean close').toBe(false);
	}, 180_000);
});

describe('a second process on the same data folder', () => {
	it('is refused with a clear message while the first keeps its data', async () => {
		const dataDir = tempFolder();
		const first = startWriter(dataDir);
		await first.whenReady(90_000);
		await first.whenIds(20);
		expect(lockOwner(dataDir)).toBe(first.pid);

		const second = startWriter(dataDir);
		const exit = await second.exited;
		expect(exit, second.stderr).toEqual({ code: LOCKED_EXIT_CODE, signal: null });
		expect(second.stderr).toContain('is in use by another process');
		expect(second.stderr).toContain(`(pid ${first.pid})`);
		expect(second.isReady).toBe(false);
		expect(second.ids).toEqual([]);

		// The app's code path in this process is refused too, before PGlite touches the folder.
		const refused = openDatabase({ dataDir, migrationsFolder });
		await expect(refused).rejects.toBeInstanceOf(FolderLockedError);
		await expect(refused).rejects.toThrow('is in use by another process');
		expect(lockOwner(dataDir)).toBe(first.pid);

		// The first writer never noticed: it keeps committing, and stops cleanly.
		await first.whenIds(first.ids.length + 20);
		first.kill('SIGTERM');
		expect(await first.exited, first.stderr).toEqual({ code: 0, signal: null });
		expect(existsSync(join(dataDir, LOCK_FILE)), 'lock released by a clean stop').toBe(false);

		// A clean stop reports every commit: exactly the reported rows are there.
		expectEveryCommit(first.ids, await readBack(dataDir), 0, 'lock test');
	}, 120_000);
});
