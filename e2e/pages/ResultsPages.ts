// Survey results: the public list (/surveys), a campaign's public results, the admin's results
// page with its downloads, and the printable report.
import type { Download, Locator } from 'playwright-core';
import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

/** A table's body rows as text cells (row header first). */
async function rowsOf(table: Locator): Promise<string[][]> {
	return table
		.locator('tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) =>
				[...r.querySelectorAll('th, td')].map((c) => (c as HTMLElement).innerText.trim())
			)
		);
}

export class SurveysPage extends BasePage {
	goto() {
		return this.open('/surveys');
	}

	/** The published campaigns: survey, edition, responses. */
	campaigns(): Promise<string[][]> {
		return rowsOf(this.page.locator('main table').first());
	}

	async openCampaign(surveyTitle: string) {
		await clickAndWait(this.page, this.page.locator('main table a', { hasText: surveyTitle }));
	}
}

export class CampaignResultsPage extends BasePage {
	goto(slug: string) {
		return this.open(`/surveys/${slug}`);
	}

	rateText(): Promise<string> {
		return this.page.locator('.results-rate-figure').innerText();
	}

	note(): Promise<string> {
		return this.page.locator('.results-note').innerText();
	}

	/** The table by city: city name → its values as shown. */
	async byCity(): Promise<Record<string, string[]>> {
		const rows = await rowsOf(this.page.locator('.results-city-table'));
		return Object.fromEntries(rows.map(([city, ...values]) => [city!, values]));
	}

	/** The figures table of the first question: cell → count, sum, mean, median, min, max. */
	async figures(): Promise<Record<string, string[]>> {
		const rows = await rowsOf(this.page.locator('.results-figures').first());
		return Object.fromEntries(rows.map(([cell, ...values]) => [cell!, values]));
	}

	/** The accessible names of the charts (SVG images). */
	charts(): Promise<string[]> {
		return this.page
			.locator('svg[role="img"] title')
			.evaluateAll((titles) => titles.map((t) => t.textContent ?? ''));
	}
}

export class AdminResultsPage extends CampaignResultsPage {
	gotoAdmin(slug: string) {
		return this.open(`/admin/campaigns/${slug}/results`);
	}

	/** Clicks a download link and waits for the file. */
	async download(linkText: string): Promise<Download> {
		const [download] = await Promise.all([
			this.page.waitForEvent('download'),
			this.page.locator('main a', { hasText: linkText }).click()
		]);
		return download;
	}

	async openReport(linkText: string) {
		await clickAndWait(this.page, this.page.locator('main a', { hasText: linkText }));
	}
}
