// What every page of the app has: the header navigation, the footer's language switcher,
// the error summary and field errors of its forms.
import type { Locator, Page } from 'playwright-core';
import { clickAndWait } from '../support/browser.ts';

export interface Link {
	text: string;
	href: string;
}

export class BasePage {
	readonly page: Page;

	constructor(page: Page) {
		this.page = page;
	}

	/** Opens a path and returns the HTTP status of the page that finally loaded. */
	async open(path: string): Promise<number> {
		const response = await this.page.goto(path);
		return response?.status() ?? 0;
	}

	get path(): string {
		const url = new URL(this.page.url());
		return url.pathname + url.search;
	}

	heading(): Promise<string> {
		return this.page.locator('main h1').first().innerText();
	}

	title(): Promise<string> {
		return this.page.title();
	}

	mainText(): Promise<string> {
		return this.page.locator('main').innerText();
	}

	async html(): Promise<{ lang: string | null; dir: string | null }> {
		const html = this.page.locator('html');
		return { lang: await html.getAttribute('lang'), dir: await html.getAttribute('dir') };
	}

	/** The links of the header navigation, as shown. */
	headerLinks(): Promise<Link[]> {
		return links(this.page.locator('.site-header nav a'));
	}

	/** The id of a city the signed-in person belongs to, from its link in the header. */
	async cityIdFromHeader(name: string): Promise<string> {
		const link = (await this.headerLinks()).find((l) => l.text === name);
		if (!link) throw new Error(`No ${name} in the header navigation`);
		const match = /^\/workspace\/([0-9a-f-]{36})$/.exec(link.href);
		if (!match) throw new Error(`Unexpected workspace link ${link.href}`);
		return match[1]!;
	}

	/** The sign-out button in the header (there when signed in). */
	signOutButton(): Locator {
		return this.page.locator('.site-header form[action="/sign-out"] button');
	}

	async signOut() {
		await clickAndWait(this.page, this.signOutButton());
	}

	/** Changes the language with the footer's form (a plain POST, no JavaScript needed). */
	async switchLanguage(locale: string) {
		const form = this.page.locator('form.language-switcher');
		await form.locator('select[name="locale"]').selectOption(locale);
		await clickAndWait(this.page, form.locator('button[type="submit"]'));
	}

	errorSummary(): Locator {
		return this.page.locator('.error-summary');
	}

	/** The problems the error summary lists, with the field each one links to. */
	async errorSummaryItems(): Promise<Link[]> {
		return links(this.errorSummary().locator('a'));
	}

	/** The message shown next to a field (without its visually hidden "Error:" prefix). */
	async fieldError(name: string): Promise<string | null> {
		const message = this.page.locator(`#${name}-error`);
		if ((await message.count()) === 0) return null;
		const text = await message.innerText();
		return text.replace(/^\s*Error:\s*/, '').trim();
	}

	/** The line a questionnaire's background save reports to (JavaScript only). */
	autosaveStatus(): Locator {
		return this.page.locator('main .autosave-status');
	}

	fieldValue(name: string): Promise<string> {
		return this.page.locator(`main #${name}`).inputValue();
	}

	async fieldInvalid(name: string): Promise<boolean> {
		return (await this.page.locator(`main #${name}`).getAttribute('aria-invalid')) === 'true';
	}

	/** The text of the success or info notice, if the page shows one. */
	async notice(): Promise<string | null> {
		const notice = this.page.locator('main .notice');
		return (await notice.count()) > 0 ? (await notice.first().innerText()).trim() : null;
	}
}

export async function links(locator: Locator): Promise<Link[]> {
	return locator.evaluateAll((elements) =>
		elements.map((a) => ({
			text: (a as HTMLElement).innerText.trim(),
			href: a.getAttribute('href') ?? ''
		}))
	);
}
