import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

/** /account/forgot-password */
export class ForgotPasswordPage extends BasePage {
	async goto() {
		return this.open('/account/forgot-password');
	}

	async request(email: string) {
		await this.page.locator('main #email').fill(email);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}

/** /account/reset-password?token=… */
export class ResetPasswordPage extends BasePage {
	async goto(pathWithToken: string) {
		return this.open(pathWithToken);
	}

	async reset(password: string, confirm = password) {
		await this.page.locator('main #password').fill(password);
		await this.page.locator('main #confirm').fill(confirm);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}
