import { BasePage, links, type Link } from './BasePage.ts';

export class CitiesPage extends BasePage {
	async goto() {
		return this.open('/cities');
	}

	cities(): Promise<Link[]> {
		return links(this.page.locator('main table a[href^="/cities/"]'));
	}
}

export class CityPage extends BasePage {
	async goto(slug: string) {
		return this.open(`/cities/${slug}`);
	}

	/** The facts list, term → description. */
	async facts(): Promise<Record<string, string>> {
		return this.page.locator('main dl.summary-list').evaluate((dl) => {
			const out: Record<string, string> = {};
			for (const dt of Array.from(dl.querySelectorAll('dt'))) {
				const dd = dt.nextElementSibling as HTMLElement | null;
				out[dt.textContent?.trim() ?? ''] = dd?.innerText.replace(/\s+/g, ' ').trim() ?? '';
			}
			return out;
		});
	}

	/** The city's practices in the library: title and link. */
	practices(): Promise<{ text: string; href: string }[]> {
		return this.page.locator('main #city-practices a').evaluateAll((links) =>
			links.map((a) => ({
				text: a.textContent?.trim() ?? '',
				href: a.getAttribute('href') ?? ''
			}))
		);
	}

	/** The city's mentoring engagements: title, link and what it was (role, period, status). */
	engagements(): Promise<{ title: string; href: string; about: string }[]> {
		return this.page.locator('main #city-engagements li').evaluateAll((items) =>
			items.map((li) => {
				const a = li.querySelector('a')!;
				return {
					title: a.textContent?.trim() ?? '',
					href: a.getAttribute('href') ?? '',
					about: (li.querySelector('.meta') as HTMLElement | null)?.innerText.trim() ?? ''
				};
			})
		);
	}

	/** The "cities like this one" list: name, link and why it is alike. */
	similar(): Promise<{ name: string; href: string; why: string }[]> {
		return this.page.locator('main #similar-cities li').evaluateAll((items) =>
			items.map((li) => {
				const a = li.querySelector('a')!;
				return {
					name: a.textContent?.trim() ?? '',
					href: a.getAttribute('href') ?? '',
					why: (li.querySelector('.meta') as HTMLElement | null)?.innerText.trim() ?? ''
				};
			})
		);
	}

	/** Links to the examples this city gave in the toolkits. */
	examples(): Promise<Link[]> {
		return links(this.page.locator('main a[href^="/toolkits/"]'));
	}
}

/** /engagements/{slug}: what anyone may read of a mentoring engagement. */
export class EngagementSummaryPage extends BasePage {
	async goto(slug: string) {
		return this.open(`/engagements/${slug}`);
	}

	/** The facts list, term → description. */
	async facts(): Promise<Record<string, string>> {
		return this.page.locator('main dl.facts').evaluate((dl) => {
			const out: Record<string, string> = {};
			for (const dt of Array.from(dl.querySelectorAll('dt'))) {
				const dd = dt.nextElementSibling as HTMLElement | null;
				out[dt.textContent?.trim() ?? ''] = dd?.innerText.replace(/\s+/g, ' ').trim() ?? '';
			}
			return out;
		});
	}
}
