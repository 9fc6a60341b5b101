// A city's survey pages: the list of campaigns, a campaign's task list (with the hand-over
// forms), a section to answer, the check-answers page, and the network admin's preview.
import type { Locator } from 'playwright-core';
import { BasePage, links, type Link } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

const surveysOf = (cityId: string) => `/workspace/${cityId}/surveys`;
const byId = (id: string) => `[id="${id}"]`;

export class SurveyListPage extends BasePage {
	async goto(cityId: string) {
		return this.open(surveysOf(cityId));
	}

	/** The campaigns listed under a heading ("Open surveys", "Closed and submitted surveys"). */
	campaigns(): Promise<Link[]> {
		return links(this.page.locator('main .assessment-list h3 a'));
	}
}

export interface Task {
	text: string;
	hint: string | null;
	status: string;
}

export class CampaignPage extends BasePage {
	async goto(cityId: string, slug: string) {
		return this.open(`${surveysOf(cityId)}/${slug}`);
	}

	tasks(): Promise<Task[]> {
		return this.page.locator('main .task-list-item').evaluateAll((items) =>
			items.map((li) => ({
				text: (li.querySelector('.task-list-name a') as HTMLElement).innerText.trim(),
				hint:
					(li.querySelector('.task-list-name .hint') as HTMLElement | null)?.innerText.trim() ??
					null,
				status: (li.querySelector('.task-list-status') as HTMLElement).innerText.trim()
			}))
		);
	}

	/** The coordinator hands a section to a colleague, by the colleague's name as listed. */
	async handTo(sectionKey: string, name: RegExp) {
		const form = this.page.locator(`main form#section-${sectionKey}`);
		const option = form.locator('select option', { hasText: name });
		await form.locator('select').selectOption((await option.getAttribute('value'))!);
		await clickAndWait(this.page, form.locator('button[type="submit"]:not([name="take"])'));
	}

	async takeBack(sectionKey: string) {
		await clickAndWait(
			this.page,
			this.page.locator(`main form#section-${sectionKey} button[name="take"]`)
		);
	}

	handForms(): Locator {
		return this.page.locator('main form.survey-hand');
	}

	async openSection(title: string) {
		await clickAndWait(this.page, this.page.locator('main .task-list-name a', { hasText: title }));
	}
}

export class SectionPage extends BasePage {
	async goto(cityId: string, slug: string, sectionKey: string) {
		return this.open(`${surveysOf(cityId)}/${slug}/${sectionKey}`);
	}

	question(key: string): Locator {
		return this.page.locator(`main #q-${key}`);
	}

	isShown(key: string): Promise<boolean> {
		return this.question(key).isVisible();
	}

	/** Yes, partly or no for one commitment of a commitments question. */
	async commit(question: string, commitment: string, value: 'yes' | 'partly' | 'no') {
		await this.page
			.locator(`main input[name="answer-${question}/${commitment}"][value="${value}"]`)
			.check();
	}

	/** The same answer for every commitment shown on the page. */
	async commitAll(value: 'yes' | 'partly' | 'no') {
		const radios = this.page.locator(
			`main .survey-question:not([hidden]) input[type="radio"][value="${value}"]`
		);
		for (const radio of await radios.all()) await radio.check();
	}

	async type(question: string, text: string) {
		await this.page.locator(`main ${byId(`answer-${question}`)}`).fill(text);
	}

	value(question: string): Promise<string> {
		return this.page.locator(`main ${byId(`answer-${question}`)}`).inputValue();
	}

	checked(name: string, value: string): Promise<boolean> {
		return this.page.locator(`main input[name="${name}"][value="${value}"]`).isChecked();
	}

	async markCompleted(on = true) {
		await this.page.locator('main input[name="completed"]').setChecked(on);
	}

	async saveAndContinue() {
		await clickAndWait(this.page, this.page.locator('main button[name="then"][value="next"]'));
	}

	async save() {
		await clickAndWait(this.page, this.page.locator('main button[name="then"][value="list"]'));
	}

	/** The message next to a field, without its hidden "Error:". */
	async errorOf(field: string): Promise<string | null> {
		const message = this.page.locator(`main ${byId(`${field}-error`)}`);
		if ((await message.count()) === 0) return null;
		return (await message.innerText()).replace(/^\s*Error:\s*/, '').trim();
	}

	/** Adds a field to the form as an old page or a crafted request would send it. */
	async addField(name: string, value: string) {
		await this.page.locator('main form[action="?/save"]').evaluate(
			(form, [n, v]) => {
				const input = document.createElement('input');
				input.type = 'hidden';
				input.name = n!;
				input.value = v!;
				form.appendChild(input);
			},
			[name, value]
		);
	}

	/** Changes the value a radio sends (an option the survey does not have). */
	async forgeRadio(name: string, from: string, to: string) {
		await this.page
			.locator(`main input[name="${name}"][value="${from}"]`)
			.evaluate((input, v) => ((input as HTMLInputElement).value = v), to);
		await this.page.locator(`main input[name="${name}"][value="${to}"]`).check();
	}

	isReadOnly(): Promise<boolean> {
		return this.page
			.locator('main form[action="?/save"]')
			.count()
			.then((n) => n === 0);
	}
}

export class CheckPage extends BasePage {
	async goto(cityId: string, slug: string) {
		return this.open(`${surveysOf(cityId)}/${slug}/check`);
	}

	/** The questions flagged as missing, by their label. */
	missing(): Promise<string[]> {
		return this.page
			.locator('main .check-row-missing dt')
			.evaluateAll((dts) => dts.map((dt) => (dt as HTMLElement).innerText.trim()));
	}

	answers(): Promise<{ question: string; answer: string }[]> {
		return this.page.locator('main .check-row').evaluateAll((rows) =>
			rows.map((row) => ({
				question: (row.querySelector('dt') as HTMLElement).innerText.trim(),
				answer: (row.querySelector('dd') as HTMLElement).innerText.trim()
			}))
		);
	}

	async submit() {
		await clickAndWait(this.page, this.page.locator('main form[action="?/submit"] button'));
	}

	submitButton(): Locator {
		return this.page.locator('main form[action="?/submit"] button');
	}

	async askToReopen(reason: string) {
		await this.page.locator('main #reason').fill(reason);
		await clickAndWait(this.page, this.page.locator('main form[action="?/reopen"] button'));
	}
}

export class SurveyPreviewPage extends BasePage {
	async goto(surveySlug: string, number: number, lang?: string) {
		return this.open(
			`/admin/surveys/${surveySlug}/versions/${number}/preview${lang ? `?lang=${lang}` : ''}`
		);
	}

	showIfNotes(): Promise<string[]> {
		return this.page
			.locator('main .survey-show-if')
			.evaluateAll((ps) => ps.map((p) => (p as HTMLElement).innerText.trim()));
	}
}
