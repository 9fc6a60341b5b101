// The folder lock that keeps a second process off a PGlite data folder (lock.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderLockedError, lockFolder } from './lock.ts';
import { LOCK_FILE } from './testing/protocol.ts';

const folders: string[] = [];
const children: ChildProcess[] = [];

function tempFolder() {
	const dir = mkdtempSync(join(tmpdir(), 'ic-lock-'));
	folders.push(dir);
	return dir;
}

afterEach(async () => {
	for (const child of children.splice(0)) {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
			await once(child, 'exit');
		}
	}
	for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A process of our own that stays alive until the test ends (or kills it). */
async function liveProcess(): Promise<ChildProcess & { pid: number }> {
	const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
		stdio: 'ignore'
	});
	children.push(child);
	await once(child, 'spawn');
	return child as ChildProcess & { pid: number };
}

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
	await once(child, 'exit');
	return child.pid!;
}

const writeLock = (dir: string, owner: object | string) =>
	writeFileSync(join(dir, LOCK_FILE), typeof owner === 'string' ? owner : JSON.stringify(owner));
const readLock = (dir: string) =>
	JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; host: string };

describe('lockFolder', () => {
	it('creates the folder, names this process in the lock file, and release() removes it', () => {
		const dir = join(tempFolder(), 'data', 'nested');
		const lock = lockFolder(dir);
		expect(lock.file).toBe(join(dir, LOCK_FILE));
		expect(readLock(dir)).toMatchObject({ pid: process.pid, host: hostname() });
		lock.release();
		expect(existsSync(lock.file)).toBe(false);
		lock.release(); // twice is harmless
		expect(existsSync(lock.file)).toBe(false);
	});

	it('takes over a lock left by a process that is gone', async () => {
		const dir = tempFolder();
		const pid = await deadPid();
		writeLock(dir, { pid, host: hostname(), at: new Date() });
		const lock = lockFolder(dir);
		expect(readLock(dir).pid).toBe(process.pid);
		lock.release();
		expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
	});

	it('takes over an unreadable (half-written) lock file', () => {
		const dir = tempFolder();
		writeLock(dir, '{"pid": 12');
		const lock = lockFolder(dir);
		expect(readLock(dir).pid).toBe(process.pid);
		lock.release();
	});

	it('refuses a folder whose lock names a live process, and leaves its lock alone', async () => {
		const dir = tempFolder();
		const owner = await liveProcess();
		writeLock(dir, { pid: owner.pid, host: hostname(), at: new Date() });

		let error: unknown;
		try {
			lockFolder(dir);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(FolderLockedError);
		expect((error as FolderLockedError).ownerPid).toBe(owner.pid);
		expect((error as FolderLockedError).folder).toBe(dir);
		expect((error as Error).message).toContain('is in use by another process');
		expect((error as Error).message).toContain(`(pid ${owner.pid})`);
		expect(readLock(dir).pid).toBe(owner.pid);

		// Once the owner is gone (killed: no chance to remove its lock), the folder is free.
		owner.kill('SIGKILL');
		await once(owner, 'exit');
		const lock = lockFolder(dir);
		expect(readLock(dir).pid).toBe(process.pid);
		lock.release();
	});

	it('refuses a lock taken on another host, whose pid it cannot check', async () => {
		const dir = tempFolder();
		writeLock(dir, { pid: await deadPid(), host: `not-${hostname()}`, at: new Date() });
		expect(() => lockFolder(dir)).toThrow(FolderLockedError);
	});

	it('release() leaves alone a lock that another process has taken since', async () => {
		const dir = tempFolder();
		const lock = lockFolder(dir);
		const other = await liveProcess();
		writeLock(dir, { pid: other.pid, host: hostname(), at: new Date() });
		lock.release();
		expect(readLock(dir).pid).toBe(other.pid);
	});
});

describe('lockFolder within one process and across restarts', () => {
	it('refuses a second open of the same folder by this very process', () => {
		const dir = tempFolder();
		const first = lockFolder(dir);
		expect(() => lockFolder(dir)).toThrow(FolderLockedError);
		first.release();
		lockFolder(dir).release();
	});

	it('takes over a lock from before a restart even if its pid now names a live process', async () => {
		const dir = tempFolder();
		const other = await liveProcess();
		writeFileSync(
			join(dir, LOCK_FILE),
			JSON.stringify({ pid: other.pid, host: hostname(), boot: 'a-previous-boot' })
		);
		const lock = lockFolder(dir);
		expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
		lock.release();
	});
});
