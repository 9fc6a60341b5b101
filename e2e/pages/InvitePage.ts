import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export interface Invitee {
	name?: string;
	email?: string;
	role?: 'city_coordinator' | 'city_contributor' | 'stakeholder';
	organisation?: string;
}

/** /workspace/{cityId}/members/invite: a coordinator (or the network admin) invites someone. */
export class InvitePage extends BasePage {
	async goto(cityId: string) {
		return this.open(`/workspace/${cityId}/members/invite`);
	}

	/** The roles offered, by value. */
	roles(): Promise<string[]> {
		return this.page
			.locator('main input[name="role"]')
			.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
	}

	/** The label shown for a role. */
	async roleLabel(role: string): Promise<string> {
		const label = this.page.locator(`main label:has(input[name="role"][value="${role}"])`);
		return (await label.innerText()).split('\n')[0]!.trim();
	}

	checkedRole(): Promise<string | null> {
		return this.page
			.locator('main input[name="role"]')
			.evaluateAll(
				(inputs) => (inputs as HTMLInputElement[]).find((i) => i.checked)?.value ?? null
			);
	}

	async fill(invitee: Invitee) {
		const main = this.page.locator('main');
		await main.locator('#name').fill(invitee.name ?? '');
		await main.locator('#email').fill(invitee.email ?? '');
		if (invitee.role) await main.locator(`input[name="role"][value="${invitee.role}"]`).check();
		await main.locator('#organisation').fill(invitee.organisation ?? '');
	}

	async submit() {
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}

	async invite(invitee: Invitee) {
		await this.fill(invitee);
		await this.submit();
	}
}
