import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export class SignInPage extends BasePage {
	async goto(next?: string) {
		return this.open(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
	}

	async signIn(email: string, password: string) {
		await this.page.locator('main #email').fill(email);
		await this.page.locator('main #password').fill(password);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}
