// `npm test`: every check the project has, in the order that fails fastest, with one summary.
// Static checks, then unit and integration tests (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), then a production build and the end-to-end journeys in chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { ensureNode } from './ensure-node.js';

ensureNode();

const root = new URL('..', import.meta.url).pathname;
/** @param {string} name */
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reports = mkdtempSync(join(tmpdir(), 'ic-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

/**
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(title, command, args, env = {}) {
	console.log(`\n▶ ${title}`);
	const started = Date.now();
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...env }
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`✖ ${title} failed after ${seconds} s`);
		summary();
		process.exit(result.status ?? 1);
	}
	console.log(`✔ ${title} (${seconds} s)`);
}

/**
 * @param {string} title
 * @param {string[]} args
 * @param {string} report
 */
function vitest(title, args, report) {
	const file = join(reports, `${report}.json`);
	console.log(`\n▶ ${title}`);
	const result = spawnSync(
		bin('vitest'),
		['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
		{ cwd: root, stdio: 'inherit', env: process.env }
	);
	if (existsSync(file)) {
		const r = JSON.parse(readFileSync(file, 'utf8'));
		totals.passed += r.numPassedTests ?? 0;
		totals.failed += r.numFailedTests ?? 0;
		totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
	}
	if (result.status !== 0) {
		console.error(`✖ ${title} failed`);
		summary();
		process.exit(result.status ?? 1);
	}
}

function summary() {
	console.log(
		`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`
	);
}

if (!process.env.TEST_DATABASE_URL) {
	console.log('TEST_DATABASE_URL is not set: integration tests run on PGlite only (CI runs both).');
}
run('Compile messages', bin('paraglide-js'), [
	'compile',
	'--project',
	'./project.inlang',
	'--outdir',
	'./src/lib/paraglide'
]);
run('Sync SvelteKit types', bin('svelte-kit'), ['sync']);
run('Format check (prettier)', bin('prettier'), ['--check', '.']);
run('Lint (eslint, zero warnings)', bin('eslint'), ['.', '--max-warnings', '0']);
run('Type check (svelte-check)', bin('svelte-check'), [
	'--tsconfig',
	'./tsconfig.json',
	'--fail-on-warnings'
]);
run('Content is faithful to the seeds', 'python3', ['content/check-faithful.py']);
vitest('Unit and integration tests', [], 'unit');
run('Production build', process.execPath, [
	join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
	'build',
	'--logLevel',
	'warn'
]);
vitest('End-to-end journeys in chromium', ['--config', 'vitest.e2e.config.ts'], 'e2e');
summary();
