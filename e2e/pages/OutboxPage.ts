import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export interface OutboxRow {
	when: string;
	to: string;
	subject: string;
	href: string;
}

/** /admin/outbox (network admin): the mail the app sent, newest first. */
export class OutboxPage extends BasePage {
	async goto() {
		return this.open('/admin/outbox');
	}

	rows(): Promise<OutboxRow[]> {
		return this.page.locator('main table tbody tr').evaluateAll((rows) =>
			rows.flatMap((row) => {
				const cells = Array.from(row.querySelectorAll('td'));
				const link = row.querySelector('a');
				if (cells.length !== 3 || !link) return [];
				return [
					{
						when: cells[0]!.innerText.trim(),
						to: cells[1]!.innerText.trim(),
						subject: cells[2]!.innerText.trim(),
						href: link.getAttribute('href') ?? ''
					}
				];
			})
		);
	}

	/** Opens the newest mail to this address whose subject matches, and returns its text. */
	async openMail(to: string, subject: RegExp): Promise<string> {
		await this.goto();
		const row = (await this.rows()).find((r) => r.to === to && subject.test(r.subject));
		if (!row) {
			throw new Error(`No mail to ${to} matching ${subject} in the outbox`);
		}
		await clickAndWait(this.page, this.page.locator(`main a[href="${row.href}"]`));
		return this.mailText();
	}

	/** The text of the mail shown on /admin/outbox/{id}. */
	mailText(): Promise<string> {
		return this.page.locator('main pre.mail').innerText();
	}

	/** The first link in the mail whose path matches, as a path with its query. */
	static link(text: string, path: RegExp): string {
		for (const match of text.matchAll(/https?:\/\/\S+/g)) {
			const url = new URL(match[0]);
			if (path.test(url.pathname)) return url.pathname + url.search;
		}
		throw new Error(`No link to ${path} in the mail:\n${text}`);
	}
}
