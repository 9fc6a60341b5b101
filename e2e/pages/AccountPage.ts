import { BasePage } from './BasePage.ts';

export class AccountPage extends BasePage {
	async goto() {
		return this.open('/account');
	}

	/** The summary list: name and email as shown. */
	async details(): Promise<{ name: string; email: string }> {
		const dd = this.page.locator('main dl.summary-list dd');
		return {
			name: (await dd.nth(0).innerText()).trim(),
			email: (await dd.nth(1).innerText()).trim()
		};
	}

	/** "Your roles": each role as shown, e.g. "City coordinator: Lublin". */
	async roles(): Promise<string[]> {
		const items = this.page.locator('main h2 + ul > li');
		return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
	}
}
