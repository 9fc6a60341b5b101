import type { Locator } from 'playwright-core';
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
		return this.page.locator('#signatory-list-table tbody tr td:first-child a').allInnerTexts();
	}

	/** The signatories' table as read: city, signed, place, signed by. */
	signatoryRows(): Promise<string[][]> {
		return rows(this.page.locator('#signatory-list-table tbody tr'));
	}

	/** The chart's accessible name (its SVG title). */
	async chartLabel(): Promise<string> {
		return (await this.page.locator('#signatory-chart-title').textContent()) ?? '';
	}

	/** The chart's table: when, how many, known from. */
	chartRows(): Promise<string[][]> {
		return rows(this.page.locator('#signatory-chart-table tbody tr'));
	}

	/** Where the "see on the map" link leads. */
	mapLink(): Promise<string | null> {
		return this.page.locator('main a[href^="/cities?colour="]').getAttribute('href');
	}
}

export function rows(locator: Locator): Promise<string[][]> {
	return locator.evaluateAll((trs) =>
		trs.map((tr) =>
			Array.from(tr.querySelectorAll('td')).map((td) => (td as HTMLElement).innerText.trim())
		)
	);
}
