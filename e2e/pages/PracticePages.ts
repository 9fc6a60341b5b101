// The practice library: a city's practices in its workspace (list, form, page with versions),
// the network admin's review, and the public library.
import { BasePage, links, type Link } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export interface PracticeFields {
	title?: string;
	summary?: string;
	description?: string;
	results?: string;
	links?: string;
	periodFrom?: string;
	periodTo?: string;
	/** Values of key factor check boxes, "benchmark/slug". */
	keyFactors?: string[];
}

/** /workspace/{cityId}/practices: the city's practices and their status. */
export class WorkspacePracticesPage extends BasePage {
	async goto(cityId: string) {
		return this.open(`/workspace/${cityId}/practices`);
	}

	async rows(): Promise<{ title: string; status: string; href: string }[]> {
		return this.page.locator('main table tbody tr').evaluateAll((rows) =>
			rows.flatMap((row) => {
				const a = row.querySelector('a');
				const cells = row.querySelectorAll('td');
				if (!a) return [];
				return [
					{
						title: a.textContent?.trim() ?? '',
						status: cells[1]?.textContent?.trim() ?? '',
						href: a.getAttribute('href') ?? ''
					}
				];
			})
		);
	}
}

/** The practice form: /workspace/{cityId}/practices/new and …/{practiceId}/edit. */
export class PracticeFormPage extends BasePage {
	async gotoNew(cityId: string) {
		return this.open(`/workspace/${cityId}/practices/new`);
	}

	async gotoEdit(cityId: string, practiceId: string) {
		return this.open(`/workspace/${cityId}/practices/${practiceId}/edit`);
	}

	async fill(fields: PracticeFields) {
		const main = this.page.locator('main');
		for (const name of [
			'title',
			'summary',
			'description',
			'results',
			'links',
			'periodFrom',
			'periodTo'
		] as const) {
			const value = fields[name];
			if (value !== undefined) await main.locator(`#${name}`).fill(value);
		}
		for (const value of fields.keyFactors ?? []) {
			await main.locator(`input[name="keyFactors"][value="${value}"]`).check();
		}
	}

	async save(fields: PracticeFields = {}) {
		await this.fill(fields);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}

	/** The admin's comment shown above the form of a returned practice. */
	async reviewComment(): Promise<string | null> {
		const box = this.page.locator('main .review-comment');
		return (await box.count()) > 0 ? (await box.innerText()).trim() : null;
	}
}

/** /workspace/{cityId}/practices/{practiceId}: status, comment, actions, versions. */
export class WorkspacePracticePage extends BasePage {
	async goto(cityId: string, practiceId: string) {
		return this.open(`/workspace/${cityId}/practices/${practiceId}`);
	}

	/** The practice's id, from the page's address. */
	get practiceId(): string {
		return new URL(this.page.url()).pathname.split('/')[4] ?? '';
	}

	async status(): Promise<string> {
		return (await this.page.locator('main .practice-status').innerText()).trim();
	}

	async reviewComment(): Promise<string | null> {
		const box = this.page.locator('main .review-comment');
		return (await box.count()) > 0 ? (await box.innerText()).trim() : null;
	}

	submitButton() {
		return this.page.locator('main form[action="?/submit"] button');
	}

	async submit() {
		await clickAndWait(this.page, this.submitButton());
	}

	async edit() {
		await clickAndWait(this.page, this.page.locator(`main a[href$="/edit"]`));
	}

	async versions(): Promise<string[]> {
		return this.page
			.locator('main ol.versions li')
			.evaluateAll((items) => items.map((li) => li.textContent?.trim() ?? ''));
	}

	/** The link to the public page, once published. */
	async publicLink(): Promise<string | null> {
		const a = this.page.locator('main a[href^="/practices/"]');
		return (await a.count()) > 0 ? a.getAttribute('href') : null;
	}
}

/** /admin/practices and /admin/practices/{id}: the network admin's review. */
export class PracticeReviewPages extends BasePage {
	async gotoQueue() {
		return this.open('/admin/practices');
	}

	queue(): Promise<Link[]> {
		return links(this.page.locator('main table tbody a'));
	}

	async openFromQueue(title: string) {
		const link = (await this.queue()).find((l) => l.text === title);
		if (!link) throw new Error(`No "${title}" in the review queue`);
		return this.open(link.href);
	}

	async decide(decision: 'publish' | 'return' | 'reject', comment = '') {
		const main = this.page.locator('main');
		await main.locator(`input[name="decision"][value="${decision}"]`).check();
		await main.locator('#comment').fill(comment);
		await clickAndWait(this.page, main.locator('form button[type="submit"]'));
	}
}

/** /practices and /practices/{slug}: what the public sees. */
export class PracticeLibraryPage extends BasePage {
	async goto(page?: string) {
		return this.open(page ? `/practices?page=${page}` : '/practices');
	}

	async gotoPractice(slug: string) {
		return this.open(`/practices/${slug}`);
	}

	/** Searches with the library's form (a plain GET). */
	async search(q: string) {
		await this.page.locator('main #q').fill(q);
		await clickAndWait(this.page, this.page.locator('main form[role="search"] button'));
	}

	titles(): Promise<string[]> {
		return this.page
			.locator('main .practice-list h3')
			.evaluateAll((hs) => hs.map((h) => h.textContent?.trim() ?? ''));
	}

	/** The line saying how many practices were found. */
	resultLine(): Promise<string> {
		return this.page.locator('main .search-result').innerText();
	}

	/** A facet's values as shown: label and count, e.g. "Finland (3)". */
	async facetValues(facet: string): Promise<string[]> {
		const group = this.page.locator('main .facets details', {
			has: this.page.locator('summary', { hasText: facet })
		});
		return group
			.locator('li a')
			.evaluateAll((as) => as.map((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim()));
	}

	/** Opens a facet (a folded details) and follows one of its values. */
	async chooseFacet(facet: string, value: string) {
		const group = this.page.locator('main .facets details', {
			has: this.page.locator('summary', { hasText: facet })
		});
		if (!(await group.evaluate((d) => (d as HTMLDetailsElement).open))) {
			await group.locator('summary').click();
		}
		await clickAndWait(this.page, group.locator('li a', { hasText: value }).first());
	}

	/** The chosen filters' remove links. */
	chosenFilters(): Promise<string[]> {
		return this.page
			.locator('main .chosen li a')
			.evaluateAll((as) => as.map((a) => a.textContent?.trim() ?? ''));
	}

	async removeFilter(text: string) {
		await clickAndWait(this.page, this.page.locator('main .chosen li a', { hasText: text }));
	}

	async sortBy(label: string) {
		await clickAndWait(this.page, this.page.locator('main nav.sort a', { hasText: label }));
	}

	currentSort(): Promise<string> {
		return this.page.locator('main nav.sort [aria-current]').innerText();
	}

	searchValue(): Promise<string> {
		return this.page.locator('main #q').inputValue();
	}

	/** Links inside the practice's text (its description, key factors, cities…). */
	practiceLinks(): Promise<Link[]> {
		return links(this.page.locator('main .practice a'));
	}

	/** Elements of a kind inside the rendered description. */
	countInDescription(selector: string): Promise<number> {
		return this.page.locator(`main .markdown ${selector}`).count();
	}
}
