// Starts and watches crash-test writers (writer.ts) as real child processes of the test.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPENING_LINE, READY_LINE } from './protocol.ts';

export const repoRoot = fileURLToPath(new URL('../../../../../', import.meta.url));
export const migrationsFolder = join(repoRoot, 'drizzle');
const writerScript = fileURLToPath(new URL('./writer.ts', import.meta.url));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface Exit {
	code: number | null;
	signal: NodeJS.Signals | null;
}

export interface Writer {
	readonly pid: number;
	/** Ids the writer reported as committed, in order. */
	readonly ids: string[];
	readonly isOpening: boolean;
	readonly isReady: boolean;
	readonly stderr: string;
	/** Resolves once the process has exited and every line it wrote has been read. */
	readonly exited: Promise<Exit>;
	whenOpening(timeoutMs?: number): Promise<void>;
	whenReady(timeoutMs?: number): Promise<void>;
	whenIds(count: number, timeoutMs?: number): Promise<void>;
	kill(signal: NodeJS.Signals): void;
}

const running = new Set<Writer>();

/** Starts `node writer.ts <dataDir>`; its stdout is read line by line as it comes. */
export function startWriter(dataDir: string): Writer {
	// Node 22.18+ strips types by default; 22.17 (the oldest the app supports) needs the flag.
	const flags = process.features.typescript ? [] : ['--experimental-strip-types'];
	const child = spawn(process.execPath, [...flags, writerScript, dataDir, migrationsFolder], {
		cwd: repoRoot,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, MAIL_QUIET: '1' }
	});
	if (child.pid === undefined) throw new Error('could not start the writer process');

	const ids: string[] = [];
	let opening = false;
	let ready = false;
	let stderr = '';
	let finished = false;
	const waiters = new Set<() => void>();
	const notify = () => waiters.forEach((check) => check());

	const lines = createInterface({ input: child.stdout });
	lines.on('line', (line) => {
		if (line === OPENING_LINE) opening = true;
		else if (line === READY_LINE) ready = true;
		else if (UUID.test(line)) ids.push(line);
		else stderr += `unexpected stdout line: ${JSON.stringify(line)}\n`;
		notify();
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

	const exited = Promise.all([
		once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>,
		once(lines, 'close')
	]).then(([[code, signal]]) => {
		finished = true;
		running.delete(writer);
		notify();
		return { code, signal };
	});

	function until(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
		return new Promise((resolve, reject) => {
			const stop = () => {
				clearTimeout(timer);
				waiters.delete(check);
			};
			const check = () => {
				if (done()) {
					stop();
					resolve();
				} else if (finished) {
					stop();
					reject(new Error(`writer ${child.pid} exited before ${what}; stderr:\n${stderr}`));
				}
			};
			const timer = setTimeout(() => {
				stop();
				reject(
					new Error(`writer ${child.pid}: no ${what} after ${timeoutMs} ms; stderr:\n${stderr}`)
				);
			}, timeoutMs);
			waiters.add(check);
			check();
		});
	}

	const writer: Writer = {
		pid: child.pid,
		ids,
		get isOpening() {
			return opening;
		},
		get isReady() {
			return ready;
		},
		get stderr() {
			return stderr;
		},
		exited,
		whenOpening: (timeoutMs = 30_000) => until('opening', () => opening, timeoutMs),
		whenReady: (timeoutMs = 30_000) => until('ready', () => ready, timeoutMs),
		whenIds: (count, timeoutMs = 30_000) =>
			until(`${count} ids`, () => ids.length >= count, timeoutMs),
		kill: (signal) => void child.kill(signal)
	};
	running.add(writer);
	return writer;
}

/** For afterEach: kills (by their own handles) the writers a failed test left running. */
export async function killWriters() {
	const left = [...running];
	for (const writer of left) writer.kill('SIGKILL');
	await Promise.all(left.map((writer) => writer.exited));
}

/** A small seeded generator (mulberry32), so a failing run can be replayed with its seed. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
