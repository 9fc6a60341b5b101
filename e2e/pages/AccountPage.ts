import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

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

	/** The reminder emails setting as the form shows it checked: "on", "off" or null. */
	async reminderSetting(): Promise<string | null> {
		const checked = this.page.locator('main input[name="actionReminders"]:checked');
		return (await checked.count()) > 0 ? checked.getAttribute('value') : null;
	}

	/** Chooses "on" or "off" for reminder emails and saves (a plain form post). */
	async saveReminderSetting(value: 'on' | 'off') {
		const form = this.page.locator('main form[action="?/reminders"]');
		await form.locator(`input[name="actionReminders"][value="${value}"]`).check();
		await clickAndWait(this.page, form.locator('button[type="submit"]'));
	}
}
