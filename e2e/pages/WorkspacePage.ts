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

/** /workspace: the cities whose workspace the signed-in person may open. */
export class WorkspacesPage extends BasePage {
	async goto() {
		return this.open('/workspace');
	}

	/** One entry per city: its name, its workspace link and what the card says of it. */
	cities(): Promise<{ name: string; href: string; text: string }[]> {
		return this.page.locator('main .workspaces .card').evaluateAll((cards) =>
			cards.map((card) => {
				const a = card.querySelector('h2 a');
				return {
					name: a?.textContent?.trim() ?? '',
					href: a?.getAttribute('href') ?? '',
					text: (card as HTMLElement).innerText.replace(/\s+/g, ' ').trim()
				};
			})
		);
	}

	/** The link to the network admin, shown to network admins. */
	adminLinks(): Promise<Link[]> {
		return links(this.page.locator('main a[href="/admin"]'));
	}
}
