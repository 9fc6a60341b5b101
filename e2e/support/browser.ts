// Chromium as the journeys use it: the system's browser (no downloads), a phone-sized window by
// default, and JavaScript off unless a test asks for it, since every form must work without it.
import {
	chromium,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from 'playwright-core';

export const phone = { width: 360, height: 740 };
export const desktop = { width: 1280, height: 800 };

export const demoPassword = 'integrating-demo';
export const demo = {
	admin: 'admin@example.org',
	coordinatorLublin: 'coordinator.lublin@example.org',
	coordinatorTampere: 'coordinator.tampere@example.org',
	contributorLublin: 'contributor.lublin@example.org',
	ngoLublin: 'ngo.lublin@example.org'
} as const;

/** The cookie the footer's language switcher sets (paraglide's cookie strategy). */
export const languageCookie = 'PARAGLIDE_LOCALE';

export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

export interface ContextOptions {
	/** JavaScript in the page; off by default. */
	js?: boolean;
	viewport?: { width: number; height: number };
	/** A language chosen beforehand (as the footer switcher would have done). */
	language?: string;
	/** Only for injecting axe-core past the Content-Security-Policy. */
	bypassCSP?: boolean;
}

export async function newContext(
	browser: Browser,
	baseURL: string,
	options: ContextOptions = {}
): Promise<BrowserContext> {
	const context = await browser.newContext({
		baseURL,
		viewport: options.viewport ?? phone,
		javaScriptEnabled: options.js ?? false,
		bypassCSP: options.bypassCSP ?? false,
		// The browser's own language is English, so the page language is the app's choice.
		locale: 'en-GB',
		timezoneId: 'Europe/Brussels'
	});
	context.setDefaultTimeout(20_000);
	context.setDefaultNavigationTimeout(30_000);
	if (options.language) {
		await context.addCookies([{ name: languageCookie, value: options.language, url: baseURL }]);
	}
	return context;
}

/**
 * Clicks something that loads a new document (a form submit, a link) and waits until that
 * document has loaded. Works the same with JavaScript on or off.
 */
export async function clickAndWait(page: Page, target: Locator) {
	const navigated = page.waitForEvent('framenavigated', {
		predicate: (frame) => frame === page.mainFrame(),
		timeout: 30_000
	});
	await target.click();
	await navigated;
	await page.waitForLoadState('load');
}

/** The path (and query) of the page, without the origin. */
export function pathOf(page: Page): string {
	const url = new URL(page.url());
	return url.pathname + url.search;
}
