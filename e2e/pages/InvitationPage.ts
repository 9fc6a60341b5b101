import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

/** /invitations/{token}: the invited person joins, creating an account if they have none. */
export class InvitationPage extends BasePage {
	async goto(path: string) {
		return this.open(path);
	}

	lead(): Promise<string> {
		return this.page.locator('main .lead').innerText();
	}

	async join(name: string, password: string) {
		const form = this.page.locator('main form[action="?/create"]');
		await form.locator('#name').fill(name);
		await form.locator('#password').fill(password);
		await clickAndWait(this.page, form.locator('button[type="submit"]'));
	}
}
