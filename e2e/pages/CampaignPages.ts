// The network admin's survey campaigns: the list, a new campaign's first page, the steps of a
// draft, the check-answers page that sends it, and a campaign's page.
import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export interface CampaignRow {
	survey: string;
	edition: string;
	status: string;
	responses: string;
	href: string;
}

/** /admin/campaigns */
export class CampaignListPage extends BasePage {
	async goto() {
		return this.open('/admin/campaigns');
	}

	rows(): Promise<CampaignRow[]> {
		return this.page.locator('main table tbody tr').evaluateAll((rows) =>
			rows.flatMap((row) => {
				const cells = Array.from(row.querySelectorAll('td'));
				const link = row.querySelector('a');
				if (cells.length !== 5 || !link) return [];
				return [
					{
						survey: cells[0]!.innerText.trim(),
						edition: cells[1]!.innerText.trim(),
						status: cells[2]!.innerText.trim(),
						responses: cells[4]!.innerText.trim(),
						href: link.getAttribute('href') ?? ''
					}
				];
			})
		);
	}
}

/** /admin/campaigns/new, and a draft's first step (/admin/campaigns/{slug}/edit/survey). */
export class CampaignSurveyPage extends BasePage {
	async goto() {
		return this.open('/admin/campaigns/new');
	}

	/** The surveys offered, by their labels. */
	surveys(): Promise<string[]> {
		return this.page
			.locator('main input[name="surveyId"]')
			.evaluateAll((inputs) =>
				inputs.map((i) =>
					(i.closest('label')?.querySelector('span')?.firstChild?.textContent ?? '').trim()
				)
			);
	}

	async choose(p: { survey?: string; edition: string }) {
		const main = this.page.locator('main');
		if (p.survey) await main.locator('label', { hasText: p.survey }).locator('input').check();
		await main.locator('#edition').fill(p.edition);
		await clickAndWait(this.page, main.locator('form button[type="submit"]'));
	}
}

/** /admin/campaigns/{slug}/edit/{step}: one topic of a draft. */
export class CampaignStepPage extends BasePage {
	async goto(slug: string, step: string) {
		return this.open(`/admin/campaigns/${slug}/edit/${step}`);
	}

	async chooseCities(names: string[]) {
		const main = this.page.locator('main');
		await main.locator('input[name="target"][value="chosen"]').check();
		for (const box of await main.locator('input[name="cityId"]').all()) await box.uncheck();
		for (const name of names) {
			await main.locator('label', { hasText: name }).locator('input[name="cityId"]').check();
		}
		await this.save();
	}

	async setDates(opensOn: string, closesOn: string) {
		await this.page.locator('main #opensOn').fill(opensOn);
		await this.page.locator('main #closesOn').fill(closesOn);
		await this.save();
	}

	async setMessage(messages: Record<string, string>) {
		for (const [l, text] of Object.entries(messages)) {
			await this.page.locator(`main #message_${l}`).fill(text);
		}
		await this.save();
	}

	async save() {
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}

/** /admin/campaigns/{slug}: a draft's task list, or a sent campaign's responses. */
export class CampaignPage extends BasePage {
	async goto(slug: string) {
		return this.open(`/admin/campaigns/${slug}`);
	}

	/** The slug of the campaign shown, from the address. */
	get slug(): string {
		return new URL(this.page.url()).pathname.split('/')[3] ?? '';
	}

	/** The draft's tasks and their statuses. */
	tasks(): Promise<{ text: string; status: string }[]> {
		return this.page.locator('main .task-list-item').evaluateAll((items) =>
			items.map((i) => ({
				text: (i.querySelector('.task-list-name a') as HTMLElement).innerText.trim(),
				status: (i.querySelector('.task-list-status') as HTMLElement | null)?.innerText.trim() ?? ''
			}))
		);
	}

	async checkAndSend() {
		await clickAndWait(this.page, this.page.locator('main a[href$="/check"]'));
	}

	/** Each target city and its response's status, as the table shows them. */
	responses(): Promise<{ city: string; status: string }[]> {
		return this.page.locator('main table tbody tr').evaluateAll((rows) =>
			rows.map((r) => {
				const cells = Array.from(r.querySelectorAll('td'));
				return { city: cells[0]!.innerText.trim(), status: cells[1]!.innerText.trim() };
			})
		);
	}

	async copy() {
		await clickAndWait(this.page, this.page.locator('main form[action="?/copy"] button'));
	}

	async changeClosing(date: string) {
		await this.page.locator('main #closesOn').fill(date);
		await clickAndWait(this.page, this.page.locator('main form[action="?/closing"] button'));
	}
}

/** /admin/campaigns/{slug}/check: everything on one page, and the button that sends. */
export class CampaignCheckPage extends BasePage {
	/** The rows of the check list: what each topic is set to. */
	answers(): Promise<Record<string, string>> {
		return this.page
			.locator('main .check-row')
			.evaluateAll((rows) =>
				Object.fromEntries(
					rows.map((r) => [
						(r.querySelector('dt') as HTMLElement).innerText.trim(),
						(r.querySelector('dd') as HTMLElement).innerText.trim()
					])
				)
			);
	}

	sendButton() {
		return this.page.locator('main form button[type="submit"]');
	}

	async send() {
		await clickAndWait(this.page, this.sendButton());
	}
}
