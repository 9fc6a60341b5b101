// One chromium per test file; contexts made through it are closed after each test, and a test
// that fails leaves a screenshot of each of its open pages in test-results/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newContext, type ContextOptions } from './browser.ts';
import { root } from './server.ts';
import { SignInPage } from '../pages/SignInPage.ts';

export interface Session {
	context: BrowserContext;
	page: Page;
}

export function useBrowser() {
	const baseURL = inject('baseURL');
	let browser: Browser | undefined;
	let inTest = false;
	let open: BrowserContext[] = [];
	const shared: BrowserContext[] = [];

	beforeAll(async () => {
		browser = await launchChromium();
	});
	beforeEach(() => {
		inTest = true;
	});
	afterEach(async ({ task }) => {
		inTest = false;
		const closing = open;
		open = [];
		if (task.result?.state === 'fail') await screenshots(task.name, closing);
		await Promise.all(closing.map((c) => c.close().catch(() => undefined)));
	});
	afterAll(async () => {
		await Promise.all(shared.map((c) => c.close().catch(() => undefined)));
		await browser?.close();
	});

	/** A new browser context; made in a test it is closed after it, otherwise after the file. */
	async function context(options: ContextOptions = {}): Promise<BrowserContext> {
		if (!browser) throw new Error('useBrowser(): the browser is not running yet');
		const created = await newContext(browser, baseURL, options);
		(inTest ? open : shared).push(created);
		return created;
	}

	/** A new context and page, signed in as the given account (lands on /account). */
	async function signedIn(
		email: string,
		password: string,
		options: ContextOptions = {}
	): Promise<Session> {
		const ctx = await context(options);
		const page = await ctx.newPage();
		const signIn = new SignInPage(page);
		await signIn.goto();
		// With JavaScript on, wait until the page is hydrated: hydration empties what was typed
		// before it (see the sign-in journey).
		if (options.js) await page.waitForLoadState('networkidle');
		await signIn.signIn(email, password);
		const path = new URL(page.url()).pathname;
		if (path !== '/account') {
			throw new Error(`Signing in as ${email} ended on ${page.url()}: ${await signIn.mainText()}`);
		}
		return { context: ctx, page };
	}

	return { baseURL, context, signedIn };
}

/** What a failed test left on screen: one full-page PNG per open page, in test-results/. */
async function screenshots(testName: string, contexts: BrowserContext[]) {
	const dir = join(root, 'test-results');
	mkdirSync(dir, { recursive: true });
	const base = testName.replace(/[^a-z0-9]+/gi, '-').slice(0, 100);
	for (const [c, context] of contexts.entries()) {
		for (const [p, page] of context.pages().entries()) {
			await page
				.screenshot({ path: join(dir, `${base}-${c}-${p}.png`), fullPage: true })
				.catch(() => undefined);
		}
	}
}
