// The network admin's pages of the Charter's signatories and the network dashboard.
import { BasePage, links, type Link } from './BasePage.ts';
import { rows } from './CharterPage.ts';
import { clickAndWait } from '../support/browser.ts';

/** /admin/charter: every signatory, each recorded one with its edit link. */
export class AdminSignatoriesPage extends BasePage {
	async goto() {
		return this.open('/admin/charter');
	}

	/** City, signed, place, signed by, record (edit link or "from the sources"). */
	rows(): Promise<string[][]> {
		return rows(this.page.locator('main table tbody tr'));
	}

	/** The edit link of a city's recorded signature. */
	async editHref(city: string): Promise<string> {
		const row = this.page.locator('main table tbody tr', { hasText: city });
		const href = await row.locator('a[href^="/admin/charter/"]').getAttribute('href');
		if (!href) throw new Error(`No edit link for ${city}`);
		return href;
	}
}

export interface Signature {
	/** The option's label, as the select shows it. */
	city?: string;
	signedOn?: string;
	place?: string;
	signedBy?: string;
	source?: string;
}

/** /admin/charter/new and /admin/charter/[id]: the signature's fields. */
export class SignatureFormPage extends BasePage {
	async goto(path = '/admin/charter/new') {
		return this.open(path);
	}

	/** The cities the select offers, as labelled. */
	cityOptions(): Promise<string[]> {
		return this.page.locator('main select#cityId option').allInnerTexts();
	}

	async submit(s: Signature) {
		const main = this.page.locator('main');
		if (s.city !== undefined) await main.locator('#cityId').selectOption({ label: s.city });
		for (const field of ['signedOn', 'place', 'signedBy', 'source'] as const) {
			if (s[field] !== undefined) await main.locator(`#${field}`).fill(s[field]);
		}
		await clickAndWait(this.page, main.locator('form button[type="submit"]'));
	}
}

/** /admin: the network dashboard's figures and the admin areas. */
export class DashboardPage extends BasePage {
	async goto() {
		return this.open('/admin');
	}

	/** Each figure: its heading, its big number (as a number), its links. */
	figures(): Promise<{ heading: string; number: number | null; links: Link[] }[]> {
		return this.page.locator('main section.figure').evaluateAll((sections) =>
			sections.map((s) => {
				const number = s.querySelector('.number')?.textContent?.replace(/\D/g, '');
				return {
					heading: s.querySelector('h2')?.textContent?.trim() ?? '',
					number: number ? Number(number) : null,
					links: Array.from(s.querySelectorAll('a')).map((a) => ({
						text: (a as HTMLElement).innerText.trim(),
						href: a.getAttribute('href') ?? ''
					}))
				};
			})
		);
	}

	/** The admin areas' cards. */
	areas(): Promise<Link[]> {
		return links(this.page.locator('main .card-list .card h3 a'));
	}
}
