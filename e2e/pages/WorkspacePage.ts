import { BasePage, links, type Link } from './BasePage.ts';

export class WorkspacePage extends BasePage {
	async goto(cityId: string) {
		return this.open(`/workspace/${cityId}`);
	}

	/** The cards of the workspace, by their heading links. */
	cards(): Promise<Link[]> {
		return links(this.page.locator('main .card h2 a'));
	}
}
