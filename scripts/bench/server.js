// Starts the production server for the benchmark, the way `npm start` does (scripts/start.js:
// builds first when the build is missing or stale), on 127.0.0.1 only, and stops it again.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { createInterface } from 'node:readline';

export const HOST = '127.0.0.1';

/** The PGlite folder of a bench server started with this `dataRoot`. */
export function benchDataDir(/** @type {string} */ dataRoot) {
	return join(dataRoot, 'data');
}

/** A port nobody listens on right now, on 127.0.0.1. */
export async function freePort() {
	const probe = createServer();
	probe.listen(0, HOST);
	await once(probe, 'listening');
	const address = probe.address();
	probe.close();
	await once(probe, 'close');
	if (!address || typeof address !== 'object') throw new Error('no free port');
	return address.port;
}

/**
 * Runs `node scripts/start.js` in its own process group, with a fresh PGlite folder in a temp
 * directory unless DATABASE_URL is set, and waits until it answers. With `dataRoot`, the PGlite
 * folder is `dataRoot`/data and outlives the server (the caller removes it), so that a second
 * server can start on what the first one left. `env` overrides the environment.
 * @param {{ root: string, port: number, timeoutMs?: number, log?: (line: string) => void,
 *   dataRoot?: string, env?: Record<string, string> }} options
 */
export async function startBenchServer({
	root,
	port,
	timeoutMs = 300_000,
	log = console.log,
	dataRoot: givenDataRoot,
	env: overrides = {}
}) {
	const dataRoot = givenDataRoot ?? mkdtempSync(join(tmpdir(), 'ic-bench-'));
	const env = {
		...process.env,
		HOST,
		PORT: String(port),
		DATA_DIR: benchDataDir(dataRoot),
		DEMO: process.env.DEMO ?? '0',
		// No daily job (reminder mails) runs in the middle of a measurement.
		JOBS: 'off',
		...overrides,
		// Links in mail, if any were sent, would point here rather than at localhost:3000.
		ORIGIN: `http://${HOST}:${port}`
	};
	const started = Date.now();
	// detached: its own process group, so that a build it is running stops with it.
	const child = spawn(process.execPath, [join(root, 'scripts', 'start.js')], {
		cwd: root,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	/** @type {string[]} */
	const output = [];
	for (const stream of [child.stdout, child.stderr]) {
		createInterface({ input: stream }).on('line', (line) => {
			output.push(line);
			if (line.startsWith('Building') || stream === child.stderr) log(`  server | ${line}`);
		});
	}
	/** @type {Promise<{ code: number | null, signal: string | null }>} */
	const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));
	let running = true;
	void exited.then(() => (running = false));

	const base = `http://${HOST}:${port}`;

	async function stop() {
		if (running && child.pid) {
			process.kill(-child.pid, 'SIGTERM');
			const timer = setTimeout(() => {
				if (running && child.pid) process.kill(-child.pid, 'SIGKILL');
			}, 10_000);
			await exited;
			clearTimeout(timer);
		}
		if (!givenDataRoot) rmSync(dataRoot, { recursive: true, force: true });
	}

	try {
		for (;;) {
			if (!running) {
				const { code, signal } = await exited;
				throw new Error(
					`the server exited (${signal ?? `code ${code}`}) before answering:\n${output.join('\n')}`
				);
			}
			if (Date.now() - started > timeoutMs) {
				throw new Error(`the server did not answer within ${timeoutMs / 1000} s`);
			}
			try {
				const response = await fetch(`${base}/robots.txt`, { signal: AbortSignal.timeout(2000) });
				await response.arrayBuffer();
				if (response.ok) break;
			} catch {
				// Not listening yet.
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	} catch (error) {
		await stop();
		throw error;
	}

	// pid: the server process (start.js runs it in-process), for its memory.
	return { base, pid: child.pid, startedInMs: Date.now() - started, output, stop };
}
