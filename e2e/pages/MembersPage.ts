import { BasePage } from './BasePage.ts';

export interface Member {
	name: string;
	email: string;
	role: string;
}

export class MembersPage extends BasePage {
	async goto(cityId: string) {
		return this.open(`/workspace/${cityId}/members`);
	}

	/** The people of the city, as the table lists them (role with organisation below it). */
	async members(): Promise<Member[]> {
		return this.page.locator('main table tbody tr').evaluateAll((rows) =>
			rows
				.map((row) => Array.from(row.querySelectorAll('td')).map((td) => td.innerText.trim()))
				.filter((cells) => cells.length === 3)
				.map(([name, email, role]) => ({
					name: name ?? '',
					email: email ?? '',
					role: (role ?? '').replace(/\s+/g, ' ')
				}))
		);
	}

	/** The invitations not yet accepted, as listed. */
	async pending(): Promise<string[]> {
		const items = this.page.locator('main h2 + ul > li');
		return (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
	}
}
