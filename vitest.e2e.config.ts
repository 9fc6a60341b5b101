import { defineConfig } from 'vitest/config';

// End-to-end journeys in chromium against the production build (`vite build` first).
// One server for the run (e2e/global-setup.ts); files run one after another, since the
// machine has two cores and the server, the browser and the tests share them.
export default defineConfig({
	test: {
		include: ['e2e/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['e2e/global-setup.ts'],
		fileParallelism: false,
		pool: 'forks',
		testTimeout: 90_000,
		hookTimeout: 300_000,
		teardownTimeout: 30_000
	}
});
