import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit and integration tests run on plain Node, without the SvelteKit plugin: the server
// modules they test import no `$app/*` module, so they stay fast and independent of Vite's SSR.
export default defineConfig({
	resolve: {
		alias: { '#lib': fileURLToPath(new URL('./src/lib', import.meta.url)) }
	},
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: 'forks'
	}
});
