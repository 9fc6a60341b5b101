import { BasePage } from './BasePage.ts';

export interface CharterRole {
	lead: string;
	commitments: string[];
}

export class CharterPage extends BasePage {
	async goto() {
		return this.open('/charter');
	}

	roles(): Promise<CharterRole[]> {
		return this.page.locator('main section[aria-labelledby^="role-"]').evaluateAll((sections) =>
			sections.map((s) => ({
				lead: s.querySelector('h3')?.textContent?.trim() ?? '',
				commitments: Array.from(s.querySelectorAll('li[id^="commitment-"]')).map(
					(li) => li.textContent?.trim() ?? ''
				)
			}))
		);
	}

	/** The signatory cities of the table, by name. */
	signatories(): Promise<string[]> {
		return this.page.locator('main table tbody tr td:first-child a').allInnerTexts();
	}
}
