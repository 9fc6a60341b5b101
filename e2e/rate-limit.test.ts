// Guessing passwords is slowed down: after a few wrong attempts the sign-in form says to wait,
// even for the right password. This journey has a server of its own with the limits on
// (the shared one runs with AUTH_RATE_LIMIT=off so that the journeys can sign in freely).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { demo, demoPassword, launchChromium, newContext } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { en } from './support/messages.ts';
import { SignInPage } from './pages/SignInPage.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
	server = await startServer({ name: 'e2e-server-rate-limit', env: { AUTH_RATE_LIMIT: 'on' } });
	browser = await launchChromium();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('the sign-in rate limit', () => {
	test('after a few wrong passwords, sign-in asks to wait', async () => {
		const context = await newContext(browser!, server!.url);
		const signIn = new SignInPage(await context.newPage());
		await signIn.goto();

		let attempts = 0;
		let response = '';
		while (attempts < 10) {
			attempts += 1;
			await signIn.signIn(demo.contributorLublin, `wrong-password-${attempts}`);
			response = (await signIn.fieldError('email')) ?? '';
			if (response !== en('error_sign_in_failed')) break;
		}
		expect(response, `after ${attempts} attempts`).toBe(en('error_rate_limited'));
		expect(attempts).toBeGreaterThan(1);
		expect(await signIn.title()).toMatch(/^Error: /);
		expect(await signIn.fieldValue('email')).toBe(demo.contributorLublin);

		// Even the right password waits now.
		await signIn.signIn(demo.contributorLublin, demoPassword);
		expect(signIn.path).toBe('/sign-in');
		expect(await signIn.fieldError('email')).toBe(en('error_rate_limited'));
		await context.close();
	});
});
