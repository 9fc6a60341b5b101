// `npm start`: builds when the build is missing or older than the sources, then runs the
// server on the embedded database (or DATABASE_URL) with the demo accounts, and says where.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { ensureNode } from './ensure-node.js';

ensureNode();

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);

/** @param {string} path @returns {number} */
function newest(path) {
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	let max = s.mtimeMs;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide' || entry === 'node_modules') continue;
		max = Math.max(max, newest(join(path, entry)));
	}
	return max;
}

const marker = join(root, 'build', 'handler.js');
const sources = [
	'src',
	'messages',
	'vite.config.ts',
	'package.json',
	'project.inlang/settings.json'
];
const stale =
	!existsSync(marker) ||
	Math.max(...sources.map((s) => newest(join(root, s)))) > statSync(marker).mtimeMs;
if (stale) {
	console.log('Building Integrating Cities (first start, or the sources changed)…');
	const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
	const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
		stdio: 'inherit'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.DEMO ??= '1';
process.env.PORT ??= '3000';
const { startServer } = await import('./server.js');
const { port } = await startServer({ port: Number(process.env.PORT) });
const url = process.env.ORIGIN ?? `http://localhost:${port}`;

const database = process.env.DATABASE_URL
	? 'PostgreSQL (DATABASE_URL)'
	: `embedded PGlite in ${process.env.DATA_DIR ?? 'data'}/`;
console.log(`\nIntegrating Cities is running at ${url}  (database: ${database})`);
if (process.env.DEMO === '1') {
	const demo = JSON.parse(readFileSync(join(root, 'content', 'demo-accounts.json'), 'utf8'));
	console.log(`\nDemo accounts (demo only), password for all: ${demo.password}`);
	for (const a of demo.accounts) {
		console.log(`  ${a.email.padEnd(34)} ${a.role}${a.city ? ` of ${a.city}` : ''}`);
	}
	console.log(
		'\nMail goes to the outbox (Network admin → Outbox) and to this console unless SMTP_URL is set.'
	);
}
console.log('Stop with Ctrl+C.\n');
