// The pages of a city's self-assessment: the list, "start an assessment", the task list, a
// key factor's questions, the context factors, and "check your answers and submit".
import type { Locator } from 'playwright-core';
import { BasePage, links, type Link } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';
import { groupViewIn, type GroupView } from './RespondentPages.ts';

const base = (cityId: string) => `/workspace/${cityId}/assessments`;

/** The id at the end of an assessment's address (…/assessments/{id}…). */
export function assessmentIdOf(path: string): string {
	const match = /\/assessments\/([0-9a-f-]{36})/.exec(path);
	if (!match) throw new Error(`No assessment id in ${path}`);
	return match[1]!;
}

/** /workspace/{cityId}/assessments */
export class AssessmentListPage extends BasePage {
	async goto(cityId: string) {
		return this.open(base(cityId));
	}

	/** Each assessment: its heading link and its status tag. */
	async assessments(): Promise<(Link & { status: string })[]> {
		return this.page.locator('main .assessment-list > li').evaluateAll((items) =>
			items.map((li) => {
				const a = li.querySelector('h2 a');
				return {
					text: (a as HTMLElement | null)?.innerText.trim() ?? '',
					href: a?.getAttribute('href') ?? '',
					status: (li.querySelector('.tag') as HTMLElement | null)?.innerText.trim() ?? ''
				};
			})
		);
	}

	startButton(): Locator {
		return this.page.locator(`main a.button[href$="/assessments/new"]`);
	}
}

/** /workspace/{cityId}/assessments/new */
export class NewAssessmentPage extends BasePage {
	async goto(cityId: string) {
		return this.open(`${base(cityId)}/new`);
	}

	/** Links to the assessments already in progress (one per benchmark at most). */
	openAssessments(): Promise<Link[]> {
		return links(this.page.locator('main ul a[href*="/assessments/"]'));
	}

	form(): Locator {
		return this.page.locator('main form');
	}

	/** The "start from our answers of …" box, if the page offers one. */
	async prefill(): Promise<{ label: string; checked: boolean } | null> {
		const box = this.page.locator('main input[name="prefill"]');
		if ((await box.count()) === 0) return null;
		const label = this.page.locator('main label:has(input[name="prefill"])');
		return {
			label: (await label.innerText()).split('\n')[0]!.trim(),
			checked: await box.first().isChecked()
		};
	}

	async start(input: { cycle: string; benchmark?: string; prefill?: boolean }) {
		const main = this.page.locator('main');
		if (input.benchmark) await main.locator(`input[value="${input.benchmark}"]`).check();
		await main.locator('#cycle').fill(input.cycle);
		if (input.prefill !== undefined && (await this.prefill())) {
			await main.locator('input[name="prefill"]').first().setChecked(input.prefill);
		}
		await this.submit();
	}

	async submit() {
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}

export interface Task extends Link {
	status: string | null;
}

/** /workspace/{cityId}/assessments/{id}: the task list. */
export class TaskListPage extends BasePage {
	async goto(cityId: string, id: string) {
		return this.open(`${base(cityId)}/${id}`);
	}

	/** Every task row: its link and status (key factors, context factors, check and submit). */
	async tasks(): Promise<Task[]> {
		return this.page.locator('main .task-list-item').evaluateAll((rows) =>
			rows.map((row) => {
				const a = row.querySelector('a');
				const tag = row.querySelector('.task-list-status') as HTMLElement | null;
				return {
					text: (a as HTMLElement | null)?.innerText.trim() ?? '',
					href: a?.getAttribute('href') ?? '',
					status: tag ? tag.innerText.trim() : null
				};
			})
		);
	}

	/** The summary at the top: benchmark, status, who can see it. */
	async facts(): Promise<Record<string, string>> {
		return this.page.locator('main dl.assessment-facts').evaluate((dl) => {
			const out: Record<string, string> = {};
			const dts = Array.from(dl.querySelectorAll('dt'));
			for (const dt of dts) {
				const dd = dt.nextElementSibling as HTMLElement | null;
				out[(dt as HTMLElement).innerText.trim()] = (dd?.innerText ?? '').replace(/\s+/g, ' ');
			}
			return out;
		});
	}

	reopenButton(): Locator {
		return this.page.locator('main form[action="?/reopen"] button');
	}

	async reopen() {
		await clickAndWait(this.page, this.reopenButton());
	}

	async setVisibility(visibility: 'private' | 'network' | 'public') {
		const form = this.page.locator('main form[action="?/visibility"]');
		await form.locator(`input[name="visibility"][value="${visibility}"]`).check();
		await clickAndWait(this.page, form.locator('button[type="submit"]'));
	}

	/** Opens a task by its link (a key factor, the context factors, check and submit). */
	async openTask(href: string) {
		await clickAndWait(this.page, this.page.locator(`main .task-list a[href="${href}"]`));
	}

	/** Follows the link to the respondents (coordinators only). */
	async openRespondents() {
		await clickAndWait(this.page, this.page.locator('main a.respondents-link'));
	}

	/** Follows the link to the report. */
	async openReport() {
		await clickAndWait(this.page, this.page.locator('main a[href$="/report"]'));
	}
}

export interface AnswerInput {
	rating?: string;
	evidence?: string;
	links?: string;
}

/** …/key-factors/{slug}: one key factor's guide questions. */
export class KeyFactorPage extends BasePage {
	async goto(cityId: string, id: string, slug: string) {
		return this.open(`${base(cityId)}/${id}/key-factors/${slug}`);
	}

	/** The ids of the guide questions, in order (from the anchors q-{id}). */
	async questionIds(): Promise<string[]> {
		return this.page
			.locator('main .question[id^="q-"]')
			.evaluateAll((els) => els.map((e) => e.id.slice(2)));
	}

	/** The question's text, as its legend (or, read-only, its heading) shows it. */
	async questionText(id: string): Promise<string> {
		return (
			await this.page.locator(`main #q-${id} > legend, main #q-${id} > h2`).innerText()
		).trim();
	}

	async answer(id: string, input: AnswerInput) {
		const main = this.page.locator('main');
		if (input.rating !== undefined) {
			await main.locator(`input[name="rating-${id}"][value="${input.rating}"]`).check();
		}
		if (input.evidence !== undefined) await main.locator(`#evidence-${id}`).fill(input.evidence);
		if (input.links !== undefined) await main.locator(`#links-${id}`).fill(input.links);
	}

	/** The rating checked for a question, by its value ('0'…'4', 'dont_know'…), or null. */
	checkedRating(id: string): Promise<string | null> {
		return this.page
			.locator(`main input[name="rating-${id}"]`)
			.evaluateAll(
				(inputs) => (inputs as HTMLInputElement[]).find((i) => i.checked)?.value ?? null
			);
	}

	revision(id: string): Promise<string> {
		return this.page.locator(`main input[name="revision-${id}"]`).inputValue();
	}

	/** How many answer fields the page has (none when it is read-only). */
	inputCount(): Promise<number> {
		return this.page.locator('main textarea, main input[type="radio"]').count();
	}

	/** The question's answer as text (read-only page, or a conflict's versions). */
	answerText(id: string): Promise<string> {
		return this.page.locator(`main #q-${id} .answer-text`).first().innerText();
	}

	conflictSummary(): Locator {
		return this.page.locator('main .conflict-summary');
	}

	/** The versions a conflict shows for a question: a colleague's, then ours. */
	async conflictVersions(id: string): Promise<string[]> {
		return this.page.locator(`main #q-${id} .conflict`).evaluate((box) =>
			Array.from(box.querySelectorAll('.conflict-label')).map((label) => {
				const answer = label.nextElementSibling as HTMLElement | null;
				return `${(label as HTMLElement).innerText.trim()} ${answer?.innerText ?? ''}`
					.replace(/\s+/g, ' ')
					.trim();
			})
		);
	}

	/** How the respondents' groups answered a question, shown beside it (GroupViews). */
	groupView(id: string): Promise<GroupView> {
		return groupViewIn(this.page.locator(`main .group-views:has(> #group-views-${id}-heading)`));
	}

	removeMaxLength(field: string) {
		return this.page.locator(`main #${field}`).evaluate((el) => el.removeAttribute('maxlength'));
	}

	async saveAndContinue() {
		await clickAndWait(this.page, this.page.locator('main button[name="then"][value="next"]'));
	}

	async saveAndReturn() {
		await clickAndWait(this.page, this.page.locator('main button[name="then"][value="list"]'));
	}

	/** Chooses a file in a question's file input (nothing is sent yet). */
	async chooseFile(id: string, file: { name: string; mimeType: string; buffer: Buffer }) {
		await this.page.locator(`main #attachment-${id}`).setInputFiles(file);
	}

	/** Presses the question's "Attach the file" button (it saves the page's answers too). */
	async attach(id: string) {
		await clickAndWait(
			this.page,
			this.page.locator(`main #attachments-${id} button[name="then"][value="attach"]`)
		);
	}

	/** The files listed under a question: name and download address. */
	attachments(id: string): Promise<Link[]> {
		return links(this.page.locator(`main #attachments-${id} .attachment-list a`));
	}

	async removeAttachment(id: string, filename: string) {
		const item = this.page
			.locator(`main #attachments-${id} .attachment-list li`)
			.filter({ hasText: filename });
		await clickAndWait(this.page, item.locator('button'));
	}
}

/** …/context: the benchmark's context factors. */
export class ContextPage extends BasePage {
	async factorIds(): Promise<string[]> {
		return this.page
			.locator('main .context-factor[id^="cf-"]')
			.evaluateAll((els) => els.map((e) => e.id.slice(3)));
	}

	async note(id: string, input: { limit?: string; why?: string }) {
		const main = this.page.locator('main');
		if (input.limit)
			await main.locator(`input[name="limit-${id}"][value="${input.limit}"]`).check();
		if (input.why !== undefined) await main.locator(`#why-${id}`).fill(input.why);
	}

	async saveAndContinue() {
		await clickAndWait(this.page, this.page.locator('main button[name="then"][value="next"]'));
	}
}

export interface CheckRow {
	question: string;
	answer: string;
	change: string;
}

/** …/check: check your answers and submit. */
export class CheckPage extends BasePage {
	async goto(cityId: string, id: string) {
		return this.open(`${base(cityId)}/${id}/check`);
	}

	/** The rows of every key factor's summary list, then the context factors'. */
	async rows(): Promise<CheckRow[]> {
		return this.page.locator('main .check-row').evaluateAll((rows) =>
			rows.map((row) => ({
				question: (row.querySelector('dt') as HTMLElement).innerText.trim(),
				answer: ((row.querySelector('dd') as HTMLElement).innerText ?? '').split('\n')[0]!.trim(),
				change: row.querySelector('.check-action a')?.getAttribute('href') ?? ''
			}))
		);
	}

	async submit() {
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}

/** …/report: how near the city is, what more to do, where the groups differ, the downloads. */
export class ReportPage extends BasePage {
	async goto(cityId: string, id: string) {
		return this.open(`${base(cityId)}/${id}/report`);
	}

	/** The headline figures, by their label: score, key factors meeting the standard, below. */
	headline(): Promise<Record<string, string>> {
		return this.page.locator('main .headline > div').evaluateAll((divs) =>
			Object.fromEntries(
				divs.map((div) => [
					Array.from(div.childNodes)
						.filter((n) => n.nodeType === Node.TEXT_NODE)
						.map((n) => n.textContent)
						.join('')
						.trim(),
					(div.querySelector('strong') as HTMLElement).innerText.trim()
				])
			)
		);
	}

	/** The table of key factor scores: each row's cells (key factor, score, meets the standard). */
	scoreRows(): Promise<string[][]> {
		return this.page
			.locator('main table')
			.filter({ has: this.page.locator('caption') })
			.locator('tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) =>
					Array.from(tr.querySelectorAll('td')).map((td) => (td as HTMLElement).innerText.trim())
				)
			);
	}

	/** The list under a heading ("where the groups differ"): each question, each group's line. */
	differences(heading: string): Promise<{ question: string; groups: string[] }[]> {
		return this.page
			.locator('main h2')
			.filter({ hasText: heading })
			.locator('xpath=following-sibling::ul[1]/li')
			.evaluateAll((items) =>
				items.map((li) => ({
					question: (li.querySelector('span') as HTMLElement).innerText.trim(),
					groups: Array.from(li.querySelectorAll('ul > li')).map((g) =>
						(g as HTMLElement).innerText.replace(/\s+/g, ' ').trim()
					)
				}))
			);
	}

	csvLink(): Locator {
		return this.page.locator('main a[href$="/report.csv"]');
	}

	/** Clicks "Download as CSV" as a person would; returns the file's name and text. */
	async downloadCsv(): Promise<{ filename: string; text: string }> {
		const download = this.page.waitForEvent('download');
		await this.csvLink().click();
		const file = await download;
		const stream = await file.createReadStream();
		const chunks: Buffer[] = [];
		for await (const chunk of stream) chunks.push(chunk as Buffer);
		return { filename: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
	}
}
