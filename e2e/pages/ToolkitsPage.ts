import { BasePage, links, type Link } from './BasePage.ts';

export class ToolkitsPage extends BasePage {
	async goto() {
		return this.open('/toolkits');
	}

	/** The themes that link to a benchmark. */
	benchmarkLinks(): Promise<Link[]> {
		return links(this.page.locator('main .card h3 a'));
	}
}
