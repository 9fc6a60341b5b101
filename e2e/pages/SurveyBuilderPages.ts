// The survey builder's pages (/admin/surveys/…), as a network admin uses them.
import { BasePage, links, type Link } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

/** /admin/surveys and /admin/surveys/new */
export class SurveyListPage extends BasePage {
	async goto() {
		return this.open('/admin/surveys');
	}

	/** Each survey's row: its title (link), latest version and number of campaigns. */
	rows(): Promise<{ title: string; href: string; latest: string; campaigns: string }[]> {
		return this.page.locator('main table tbody tr').evaluateAll((rows) =>
			rows.map((row) => {
				const cells = [...row.querySelectorAll('td')].map((c) =>
					(c as HTMLElement).innerText.trim()
				);
				return {
					title: cells[0] ?? '',
					href: row.querySelector('a')?.getAttribute('href') ?? '',
					latest: (cells[1] ?? '').replace(/\s+/g, ' '),
					campaigns: cells[2] ?? ''
				};
			})
		);
	}

	async create(title: string, summary = '') {
		await this.open('/admin/surveys/new');
		await this.page.locator('main #title').fill(title);
		await this.page.locator('main #summary').fill(summary);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}

/** /admin/surveys/[slug]: the versions, and starting the next one. */
export class SurveyPage extends BasePage {
	async goto(slug: string) {
		return this.open(`/admin/surveys/${slug}`);
	}

	versions(): Promise<{ number: string; status: string; note: string }[]> {
		return this.page.locator('main table tbody tr').evaluateAll((rows) =>
			rows.map((row) => {
				const cells = [...row.querySelectorAll('td')].map((c) =>
					(c as HTMLElement).innerText.trim()
				);
				return { number: cells[0] ?? '', status: cells[1] ?? '', note: cells[3] ?? '' };
			})
		);
	}

	previewLinks(): Promise<Link[]> {
		return links(this.page.locator('main a[href$="/preview"]'));
	}

	startButton() {
		return this.page.locator('main form[action="?/start"] button');
	}

	async startNewVersion() {
		await clickAndWait(this.page, this.startButton());
	}
}

export interface QuestionFields {
	label?: string;
	help?: string;
	required?: boolean;
	unit?: string;
	min?: string;
	max?: string;
	options?: string;
	rows?: string;
	columns?: string;
}

/** /admin/surveys/[slug]/versions/[number] and the pages reached from it. */
export class SurveyVersionPage extends BasePage {
	get base(): string {
		return this.path.replace(/[?#].*$/, '').replace(/(\/versions\/\d+).*$/, '$1');
	}

	async goto(slug: string, number: number) {
		return this.open(`/admin/surveys/${slug}/versions/${number}`);
	}

	async back() {
		await this.open(this.base);
	}

	sectionTitles(): Promise<string[]> {
		return this.page.locator('main section h2').allInnerTexts();
	}

	/** The outline's questions in order: label, key, and the show-if line if any. */
	questions(): Promise<{ key: string; label: string; showIf: string }[]> {
		return this.page.locator('main ol.sb-questions > li').evaluateAll((items) =>
			items.map((li) => ({
				key: li.id.replace(/^q-/, ''),
				label: (li.querySelector('.sb-question-label') as HTMLElement).innerText.trim(),
				showIf: (li.querySelector(':scope > p.hint') as HTMLElement | null)?.innerText.trim() ?? ''
			}))
		);
	}

	/** Links and buttons that change the draft (none on a published version). */
	editControls() {
		return this.page.locator(
			'main a[href*="/sections/"], main a[href*="/questions/"], main form[action="?/move"], main form[action="?/publish"]'
		);
	}

	async addSection(title: string, intro = '') {
		await this.open(`${this.base}/sections/new`);
		await this.page.locator('main #title').fill(title);
		await this.page.locator('main #intro').fill(intro);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}

	/** Chooses the type on its page (the first page of a new question). */
	async chooseType(section: string, type: string | null) {
		await this.open(`${this.base}/sections/${section}/questions/new`);
		if (type) await this.page.locator(`main input[name="type"][value="${type}"]`).check();
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}

	async fillQuestion(fields: QuestionFields) {
		const main = this.page.locator('main');
		for (const name of [
			'label',
			'help',
			'unit',
			'min',
			'max',
			'options',
			'rows',
			'columns'
		] as const) {
			const value = fields[name];
			if (value !== undefined) await main.locator(`#${name}`).fill(value);
		}
		if (fields.required !== undefined)
			await main.locator('input[name="required"]').setChecked(fields.required);
	}

	async saveQuestion() {
		await clickAndWait(
			this.page,
			this.page.locator('main form:not([action="?/delete"]) button[type="submit"]').first()
		);
	}

	async editQuestion(key: string) {
		await this.open(`${this.base}/questions/${key}`);
	}

	/** The two steps of a question's condition: the earlier question, then its answers. */
	async setCondition(key: string, on: string, values: string[]) {
		await this.open(`${this.base}/questions/${key}/show-if`);
		await this.page.locator(`main input[name="question"][value="${on}"]`).check();
		await clickAndWait(this.page, this.page.locator('main form[method="GET"] button'));
		for (const v of values)
			await this.page.locator(`main input[name="values"][value="${v}"]`).check();
		await clickAndWait(this.page, this.page.locator('main form[action="?/save"] button'));
	}

	async conditionCandidates(key: string): Promise<string[]> {
		await this.open(`${this.base}/questions/${key}/show-if`);
		return this.page
			.locator('main input[name="question"]')
			.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
	}

	async translateQuestion(key: string, texts: Record<string, string>) {
		await this.open(`${this.base}/questions/${key}/translations`);
		for (const [name, text] of Object.entries(texts))
			await this.page.locator(`main #${name}`).fill(text);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}

	async move(key: string, direction: 'up' | 'down') {
		const form = this.page.locator(`main li#q-${key} form[action="?/move"]`, {
			has: this.page.locator(`input[name="direction"][value="${direction}"]`)
		});
		await clickAndWait(this.page, form.locator('button'));
	}

	async moveSection(key: string, direction: 'up' | 'down') {
		await this.back();
		const form = this.page.locator(`main section:has(h2#s-${key}) > ul form[action="?/move"]`, {
			has: this.page.locator(`input[name="direction"][value="${direction}"]`)
		});
		await clickAndWait(this.page, form.locator('button'));
	}

	async publish(note = '') {
		await this.page.locator('main #note').fill(note);
		await clickAndWait(this.page, this.page.locator('main form[action="?/publish"] button'));
	}
}
