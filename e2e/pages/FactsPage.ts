import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export interface FactEntry {
	figure?: 'population' | 'migrant_background_share' | 'foreign_nationals_share';
	value?: string;
	year?: string;
	source?: string;
}

/** /workspace/{cityId}/facts: the city's figures, a form to record a new value, the history. */
export class FactsPage extends BasePage {
	async goto(cityId: string) {
		return this.open(`/workspace/${cityId}/facts`);
	}

	async fill(entry: FactEntry) {
		const main = this.page.locator('main');
		if (entry.figure) await main.locator(`input[name="figure"][value="${entry.figure}"]`).check();
		if (entry.value !== undefined) await main.locator('#value').fill(entry.value);
		if (entry.year !== undefined) await main.locator('#year').fill(entry.year);
		if (entry.source !== undefined) await main.locator('#source').fill(entry.source);
	}

	async submit() {
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}

	async record(entry: FactEntry) {
		await this.fill(entry);
		await this.submit();
	}

	/** What the field holds now (a value typed and sent back, for instance). */
	fieldValue(name: string): Promise<string> {
		return this.page.locator(`main #${name}`).inputValue();
	}

	checkedFigure(): Promise<string | null> {
		return this.page
			.locator('main input[name="figure"]')
			.evaluateAll(
				(inputs) => (inputs as HTMLInputElement[]).find((i) => i.checked)?.value ?? null
			);
	}

	notice(): Promise<string | null> {
		return this.page
			.locator('main .notice[role="status"]')
			.first()
			.textContent({ timeout: 1000 })
			.catch(() => null);
	}

	/** The current figures, label → what is shown. */
	current(): Promise<Record<string, string>> {
		return this.page.locator('main #current-facts').evaluate((dl) => {
			const out: Record<string, string> = {};
			for (const dt of Array.from(dl.querySelectorAll('dt'))) {
				const dd = dt.nextElementSibling as HTMLElement | null;
				out[dt.textContent?.trim() ?? ''] = dd?.innerText.replace(/\s+/g, ' ').trim() ?? '';
			}
			return out;
		});
	}

	/** The rows of the history table, each as its cells' text. */
	history(): Promise<string[][]> {
		return this.page
			.locator('main #fact-history tbody tr')
			.evaluateAll((rows) =>
				rows.map((r) =>
					Array.from(r.querySelectorAll('td')).map((td) =>
						(td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()
					)
				)
			);
	}
}
