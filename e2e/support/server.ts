// Starts the production server (`node scripts/start.js`) on a free port with a database of
// its own: a fresh PGlite folder, or a throwaway PostgreSQL database when TEST_DATABASE_URL
// names a server. Used by the global setup, and by tests that need a server set up otherwise.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import pg from 'pg';

export const root = new URL('../..', import.meta.url).pathname;

export interface RunningServer {
	url: string;
	/** Stops the server (SIGTERM, then SIGKILL) and removes its database. */
	stop(): Promise<void>;
}

export interface ServerOptions {
	/** Extra environment, e.g. { AUTH_RATE_LIMIT: 'on' }. */
	env?: Record<string, string>;
	/** A name for the log file in test-results/. */
	name?: string;
	/** How long to wait for the first answer (a stale build is rebuilt first). */
	timeoutMs?: number;
}

/** Builds the app when there is no build at all (`npm test` builds just before). */
export function ensureBuild() {
	if (existsSync(join(root, 'build', 'handler.js'))) return;
	console.log('[e2e] build/handler.js is missing: building the app first…');
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}

interface Database {
	env: Record<string, string>;
	describe: string;
	remove(): Promise<void>;
}

async function freshDatabase(): Promise<Database> {
	const admin = process.env.TEST_DATABASE_URL;
	if (admin) {
		const name = `ic_e2e_${randomBytes(6).toString('hex')}`;
		const client = new pg.Client({ connectionString: admin });
		await client.connect();
		await client.query(`create database ${name}`);
		await client.end();
		const url = new URL(admin);
		url.pathname = `/${name}`;
		return {
			env: { DATABASE_URL: url.toString() },
			describe: `PostgreSQL database ${name}`,
			async remove() {
				const c = new pg.Client({ connectionString: admin });
				await c.connect();
				await c.query(`drop database if exists ${name} with (force)`);
				await c.end();
			}
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'ic-e2e-'));
	return {
		env: { DATA_DIR: dir },
		describe: `PGlite in ${dir}`,
		async remove() {
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopChild(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGTERM');
	const killed = await Promise.race([
		exited(child).then(() => false),
		new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 5000).unref())
	]);
	if (killed) {
		child.kill('SIGKILL');
		await exited(child);
	}
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	ensureBuild();
	const database = await freshDatabase();
	const port = await freePort();
	// The address `npm start` prints, which the app also puts in the links of its mail.
	const url = `http://localhost:${port}`;
	const logDir = join(root, 'test-results');
	mkdirSync(logDir, { recursive: true });
	const logFile = join(logDir, `${options.name ?? 'e2e-server'}.log`);
	const log = createWriteStream(logFile);
	let output = '';

	const env: Record<string, string | undefined> = {
		...process.env,
		PORT: String(port),
		DEMO: '1',
		MAIL_QUIET: '1',
		AUTH_RATE_LIMIT: 'off',
		...database.env,
		...options.env
	};
	// Nothing from the developer's own setup: no fixed origin, no real mail, no other database.
	for (const key of ['HOST', 'ORIGIN', 'SMTP_URL', 'TRUST_PROXY', 'TEST_DATABASE_URL']) {
		delete env[key];
	}
	if (!database.env.DATABASE_URL) delete env.DATABASE_URL;
	const child = spawn(process.execPath, ['scripts/start.js'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const collect = (chunk: Buffer) => {
		log.write(chunk);
		output = (output + chunk.toString()).slice(-20_000);
	};
	child.stdout?.on('data', collect);
	child.stderr?.on('data', collect);

	const stop = async () => {
		await stopChild(child);
		await new Promise<void>((resolve) => log.end(() => resolve()));
		await database.remove();
	};

	const deadline = Date.now() + (options.timeoutMs ?? 240_000);
	for (;;) {
		if (child.exitCode !== null || child.signalCode !== null) {
			await stop();
			throw new Error(`The server stopped before answering (${database.describe}):\n${output}`);
		}
		try {
			const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) });
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`The server did not answer at ${url} in time:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { url, stop };
}
