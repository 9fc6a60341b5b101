import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export interface AdminCity {
	name: string;
	slug: string;
	id: string;
}

/** /admin/cities: every city with links to its members and to appoint people. */
export class AdminCitiesPage extends BasePage {
	async goto() {
		return this.open('/admin/cities');
	}

	cities(): Promise<AdminCity[]> {
		return this.page.locator('main table tbody tr').evaluateAll((rows) =>
			rows.flatMap((row) => {
				const city = row.querySelector('a[href^="/cities/"]');
				const members = row.querySelector('a[href^="/workspace/"]');
				if (!city || !members) return [];
				return [
					{
						name: city.textContent?.trim() ?? '',
						slug: (city.getAttribute('href') ?? '').replace('/cities/', ''),
						id: (members.getAttribute('href') ?? '').split('/')[2] ?? ''
					}
				];
			})
		);
	}

	/** The id of a city by its slug. */
	async cityId(slug: string): Promise<string> {
		const found = (await this.cities()).find((c) => c.slug === slug);
		if (!found) throw new Error(`No city ${slug} on /admin/cities`);
		return found.id;
	}
}

export interface NewCity {
	name?: string;
	country?: string;
	population?: string;
	latitude?: string;
	longitude?: string;
}

/** /admin/cities/new */
export class NewCityPage extends BasePage {
	async goto() {
		return this.open('/admin/cities/new');
	}

	async create(city: NewCity) {
		const main = this.page.locator('main');
		for (const field of ['name', 'country', 'population', 'latitude', 'longitude'] as const) {
			await main.locator(`#${field}`).fill(city[field] ?? '');
		}
		await clickAndWait(this.page, main.locator('form button[type="submit"]'));
	}

	/** The maxlength the browser applies to a field (null when none). */
	maxLength(field: string): Promise<string | null> {
		return this.page.locator(`main #${field}`).getAttribute('maxlength');
	}
}
