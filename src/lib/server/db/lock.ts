// PGlite has no lock of its own, and two processes on one data folder silently destroy
// committed rows. The folder is therefore held through a lock file naming the owner's pid;
// a lock left by a killed process (its pid is gone) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export class FolderLockedError extends Error {
	readonly folder: string;
	readonly ownerPid: number;

	constructor(folder: string, ownerPid: number) {
		super(
			`The database folder ${folder} is in use by another process (pid ${ownerPid}). ` +
				`Stop that process first, or set DATABASE_URL to use a PostgreSQL server, ` +
				`which several processes can share.`
		);
		this.name = 'FolderLockedError';
		this.folder = folder;
		this.ownerPid = ownerPid;
	}
}

interface LockOwner {
	pid: number;
	host: string;
	boot?: string;
}

/** Folders this process holds: a second open of one folder in one process is refused too. */
const held = new Set<string>();

/**
 * The kernel's boot id: after a restart (a container, a machine) an old lock's pid may belong
 * to an unrelated process, and a different boot id says the lock is stale.
 */
function bootId(): string | undefined {
	try {
		return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
	} catch {
		return undefined;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readOwner(file: string): LockOwner | undefined {
	try {
		const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
		if (typeof owner.pid === 'number' && typeof owner.host === 'string') {
			return { pid: owner.pid, host: owner.host, boot: owner.boot };
		}
	} catch {
		// Unreadable or half-written: treated as stale below.
	}
	return undefined;
}

function tryCreate(file: string): boolean {
	try {
		const fd = openSync(file, 'wx');
		try {
			writeSync(
				fd,
				JSON.stringify({ pid: process.pid, host: hostname(), boot: bootId(), at: new Date() })
			);
		} finally {
			closeSync(fd);
		}
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

export interface FolderLock {
	readonly file: string;
	release(): void;
}

export function lockFolder(folder: string): FolderLock {
	const dir = resolve(folder);
	mkdirSync(dir, { recursive: true });
	const file = join(dir, 'integrating-cities.lock');
	if (held.has(file)) throw new FolderLockedError(dir, process.pid);

	for (let attempt = 0; attempt < 3; attempt++) {
		if (tryCreate(file)) {
			// Two starters racing over a stale lock could both unlink and create; the loser
			// finds the winner's pid here and gives up.
			const owner = readOwner(file);
			if (owner?.pid !== process.pid) throw new FolderLockedError(dir, owner?.pid ?? -1);
			let released = false;
			held.add(file);
			return {
				file,
				release() {
					if (released) return;
					released = true;
					held.delete(file);
					if (readOwner(file)?.pid === process.pid) unlinkSync(file);
				}
			};
		}
		const owner = readOwner(file);
		if (owner && owner.pid !== process.pid) {
			const sameHost = owner.host === hostname();
			const sameBoot = !owner.boot || owner.boot === bootId();
			if (!sameHost || (sameBoot && isAlive(owner.pid))) {
				throw new FolderLockedError(dir, owner.pid);
			}
		}
		try {
			unlinkSync(file);
		} catch {
			// Someone else removed it first; try again.
		}
	}
	throw new FolderLockedError(dir, readOwner(file)?.pid ?? -1);
}
