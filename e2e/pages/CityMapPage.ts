// The map of the network's cities on /cities: its markers, legend, figure form and table.
import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export interface MapRow {
	slug: string;
	city: string;
	country: string;
	value: string;
	onMap: boolean;
}

export class CityMapPage extends BasePage {
	async goto(colour?: string) {
		return this.open(colour === undefined ? '/cities' : `/cities?colour=${colour}`);
	}

	/** The map's accessible name (its title and description). */
	async mapLabel(): Promise<string> {
		return this.page.locator('svg.map').evaluate((svg) => {
			const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/);
			return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
		});
	}

	/** One entry per marker: the city's slug, its band and the marker's title. */
	markers(): Promise<{ slug: string; band: string; title: string }[]> {
		return this.page.locator('svg.map g.marker').evaluateAll((gs) =>
			gs.map((g) => ({
				slug: g.getAttribute('data-slug') ?? '',
				band: g.getAttribute('data-band') ?? '',
				title: g.querySelector('title')?.textContent?.trim() ?? ''
			}))
		);
	}

	countryPaths(): Promise<number> {
		return this.page.locator('svg.map g.land path').count();
	}

	/** The legend's entries, as read (without their counts). */
	legend(): Promise<string[]> {
		return this.page.locator('.city-map .legend li .label').allInnerTexts();
	}

	/** How many cities each entry of the legend counts. */
	async legendCounts(): Promise<number[]> {
		const texts = await this.page.locator('.city-map .legend li .count').allInnerTexts();
		return texts.map((t) => Number(t.replace(/\D/g, '')));
	}

	async legendTitle(): Promise<string> {
		return (await this.page.locator('.city-map .legend-title').innerText()).trim();
	}

	rows(): Promise<MapRow[]> {
		return this.page.locator('table.map-table tbody tr').evaluateAll((trs) =>
			trs.map((tr) => {
				const cells = tr.querySelectorAll('th, td');
				return {
					slug: tr.getAttribute('data-slug') ?? '',
					city: cells[0]?.querySelector('a')?.textContent?.trim() ?? '',
					country: cells[1]?.textContent?.trim() ?? '',
					value: cells[2]?.textContent?.trim() ?? '',
					onMap: !cells[0]?.querySelector('.tag')
				};
			})
		);
	}

	async valueHeader(): Promise<string> {
		return (await this.page.locator('table.map-table thead th').nth(2).innerText()).trim();
	}

	/** Chooses a figure in the form and sends it (works without JavaScript). */
	async show(figureLabel: string) {
		await this.page.locator('#colour').selectOption({ label: figureLabel });
		await clickAndWait(this.page, this.page.locator('form.map-figure button[type="submit"]'));
	}
}
