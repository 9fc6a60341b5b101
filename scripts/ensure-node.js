// The app needs Node.js 22.17 or newer. On a machine with an older Node (these machines ship
// Node 20), the start and test scripts fetch Node 24 from the npm registry into .tools/ (never
// touching the system's Node) and run themselves again with it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const root = new URL('..', import.meta.url).pathname;

function modern() {
	const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
	return major > 22 || (major === 22 && minor >= 17);
}

/** Returns when this process already runs on a modern Node; otherwise re-runs the script and exits. */
export function ensureNode() {
	if (modern()) return;
	const node = join(root, '.tools', 'node_modules', '.bin', 'node');
	if (!existsSync(node)) {
		console.log(`Node.js ${process.versions.node} is too old; fetching Node 24 into .tools/ …`);
		const install = spawnSync(
			'npm',
			[
				'install',
				'--prefix',
				join(root, '.tools'),
				'--no-save',
				'--no-audit',
				'--no-fund',
				'node@24'
			],
			{ stdio: 'inherit' }
		);
		if (install.status !== 0 || !existsSync(node)) {
			console.error('Could not install Node 24. Install Node.js 22.17 or newer and try again.');
			process.exit(1);
		}
	}
	const bin = join(root, '.tools', 'node_modules', '.bin');
	const result = spawnSync(node, process.argv.slice(1), {
		stdio: 'inherit',
		env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` }
	});
	process.exit(result.status ?? 1);
}
