// Starts one server for the whole end-to-end run (fresh database, demo accounts, mail kept in
// the outbox, no auth rate limits) and gives its address to the tests as `inject('baseURL')`.
import type { TestProject } from 'vitest/node';
import { startServer } from './support/server.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

export default async function setup(project: TestProject) {
	const started = Date.now();
	const server = await startServer({ name: 'e2e-server' });
	console.log(
		`[e2e] server at ${server.url} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`
	);
	project.provide('baseURL', server.url);
	return async () => {
		await server.stop();
	};
}
