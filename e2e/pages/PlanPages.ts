// Action plans in a city's workspace: the list of plans, a plan (actions, timeline, log), an
// action with its comments and log, and the forms to make and change them.
import type { Locator } from 'playwright-core';
import { BasePage, type Link } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

const plansOf = (cityId: string) => `/workspace/${cityId}/plans`;

export class PlanListPage extends BasePage {
	async goto(cityId: string) {
		return this.open(plansOf(cityId));
	}

	plans(): Promise<Link[]> {
		return this.page.locator('main .card h2 a').evaluateAll((as) =>
			as.map((a) => ({
				text: (a as HTMLElement).innerText.trim(),
				href: a.getAttribute('href') ?? ''
			}))
		);
	}

	/** Starts a plan of the city's own; lands on it. */
	async create(title: string) {
		await this.page.locator('main #title').fill(title);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}

/** /workspace/{city}/plans/{plan}: the actions in order. */
export class PlanPage extends BasePage {
	async goto(cityId: string, planId: string, view: '' | '/timeline' | '/log' = '') {
		return this.open(`${plansOf(cityId)}/${planId}${view}`);
	}

	get planId(): string {
		const match = /\/plans\/([0-9a-f-]{36})/.exec(this.page.url());
		if (!match) throw new Error(`Not on a plan: ${this.page.url()}`);
		return match[1]!;
	}

	/** The actions as listed: title, and the status tags shown (with "Overdue"). */
	actions(): Promise<{ title: string; tags: string[] }[]> {
		return this.page.locator('main ol.actions > li').evaluateAll((lis) =>
			lis.map((li) => ({
				title: (li.querySelector('h2') as HTMLElement).innerText.trim(),
				tags: Array.from(li.querySelectorAll('.tag')).map((t) =>
					(t as HTMLElement).innerText.trim()
				)
			}))
		);
	}

	async addAction() {
		await clickAndWait(this.page, this.page.locator('main a[href$="/actions/new"]'));
	}

	async openAction(title: string) {
		await clickAndWait(this.page, this.page.locator('main ol.actions h2 a', { hasText: title }));
	}

	async openReport() {
		await clickAndWait(this.page, this.page.locator('main nav.plan-nav a[href$="/report"]'));
	}

	/** The ways to change the plan shown: "Add an action", and the move buttons. */
	editControls(): Promise<number> {
		return this.page.locator('main a[href$="/actions/new"], main form[action="?/move"]').count();
	}

	async move(title: string, direction: 'up' | 'down') {
		const item = this.page.locator('main ol.actions > li').filter({ hasText: title });
		await clickAndWait(this.page, item.locator(`button[value="${direction}"]`));
	}

	/** The timeline's picture (role img). */
	timeline(): Locator {
		return this.page.locator('main svg.timeline');
	}

	/** How wide the first title cell of the timeline's table is drawn, in pixels. */
	timelineTitleWidth(): Promise<number> {
		return this.page
			.locator('main table tbody tr td')
			.first()
			.evaluate((td) => td.getBoundingClientRect().width);
	}

	/** Which half of the picture the first bar's title starts in. */
	timelineTitleSide(): Promise<'left' | 'right'> {
		return this.timeline().evaluate((element) => {
			const svg = element as SVGSVGElement;
			const title = svg.querySelector('text.bar-title') as SVGTextElement;
			const width = svg.viewBox.baseVal.width;
			const box = title.getBBox();
			return box.x + box.width / 2 > width / 2 ? 'right' : 'left';
		});
	}

	/** The timeline's table: each row's cells as text. */
	timelineRows(): Promise<string[][]> {
		return this.page
			.locator('main table tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) =>
					Array.from(tr.querySelectorAll('td')).map((td) =>
						(td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()
					)
				)
			);
	}

	/** The log entries' texts (the plan's log page). */
	logTexts(): Promise<string[]> {
		return this.page
			.locator('main ul.log > li')
			.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ')));
	}
}

export interface ActionInput {
	title?: string;
	description?: string;
	owner?: string;
	ownerName?: string;
	startOn?: string;
	dueOn?: string;
	status?: 'planned' | 'in_progress' | 'done' | 'dropped';
	droppedReason?: string;
	progress?: string;
}

/** The action form, new or edited. */
export class ActionFormPage extends BasePage {
	async fill(input: ActionInput) {
		const main = this.page.locator('main');
		if (input.title !== undefined) await main.locator('#title').fill(input.title);
		if (input.description !== undefined) await main.locator('#description').fill(input.description);
		if (input.owner !== undefined)
			await main.locator('#ownerUserId').selectOption({ label: input.owner });
		if (input.ownerName !== undefined) await main.locator('#ownerName').fill(input.ownerName);
		if (input.startOn !== undefined) await main.locator('#startOn').fill(input.startOn);
		if (input.dueOn !== undefined) await main.locator('#dueOn').fill(input.dueOn);
		if (input.status !== undefined) {
			await main.locator(`input[name="status"][value="${input.status}"]`).check();
		}
		if (input.droppedReason !== undefined) {
			await main.locator('#droppedReason').fill(input.droppedReason);
		}
		if (input.progress !== undefined) await main.locator('#progress').fill(input.progress);
	}

	value(field: string): Promise<string> {
		return this.page.locator(`main #${field}`).inputValue();
	}

	async save() {
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]').last());
	}
}

/** …/actions/{id}: the action, its comments and its log. */
export class ActionPage extends BasePage {
	async goto(cityId: string, planId: string, actionId: string) {
		return this.open(`${plansOf(cityId)}/${planId}/actions/${actionId}`);
	}

	get actionId(): string {
		const match = /\/actions\/([0-9a-f-]{36})/.exec(this.page.url());
		if (!match) throw new Error(`Not on an action: ${this.page.url()}`);
		return match[1]!;
	}

	notice(): Promise<string> {
		return this.page.locator('main .notice').innerText();
	}

	/** The summary list's facts, by label. */
	facts(): Promise<Record<string, string>> {
		return this.page
			.locator('main dl.summary-list')
			.first()
			.evaluate((dl) => {
				const out: Record<string, string> = {};
				for (const dt of Array.from(dl.querySelectorAll('dt'))) {
					const dd = dt.nextElementSibling as HTMLElement | null;
					out[(dt as HTMLElement).innerText.trim()] =
						dd?.innerText.replace(/\s+/g, ' ').trim() ?? '';
				}
				return out;
			});
	}

	async comment(body: string, suggestion = false) {
		await this.page.locator('main #body').fill(body);
		if (suggestion) await this.page.locator('main input[name="suggestion"]').check();
		await clickAndWait(this.page, this.page.locator('main form[action="?/comment"] button'));
	}

	/** The comments: who, for which city, and what (with "Suggestion" when it is one). */
	comments(): Promise<{ meta: string; body: string }[]> {
		return this.page.locator('main ol.comments > li').evaluateAll((lis) =>
			lis.map((li) => ({
				meta: (li.querySelector('.meta') as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
				body: (li.querySelector('div') as HTMLElement).innerText.trim()
			}))
		);
	}

	async edit() {
		await clickAndWait(this.page, this.page.locator('main a[href$="/edit"]'));
	}

	/** The ways to change the action shown: edit, its references, a new log entry. */
	editControls(): Promise<number> {
		return this.page
			.locator('main a[href$="/edit"], main a[href$="/refs"], main a[href*="/log/new"]')
			.count();
	}

	/** Whether the comment form offers to mark the comment as a suggestion. */
	canSuggest(): Promise<number> {
		return this.page.locator('main input[name="suggestion"]').count();
	}

	async addLogEntry() {
		await clickAndWait(this.page, this.page.locator('main a[href*="/log/new"]'));
	}

	/** The log's files, as links. */
	logFiles(): Promise<Link[]> {
		return this.page.locator('main ul.log a[download]').evaluateAll((as) =>
			as.map((a) => ({
				text: (a as HTMLElement).innerText.trim(),
				href: a.getAttribute('href') ?? ''
			}))
		);
	}
}

export class LogEntryPage extends BasePage {
	async fill(input: {
		happenedOn?: string;
		when?: string;
		text?: string;
		links?: string;
		file?: { name: string; mimeType: string; buffer: Buffer };
	}) {
		const main = this.page.locator('main');
		if (input.happenedOn !== undefined) await main.locator('#happenedOn').fill(input.happenedOn);
		if (input.when !== undefined) await main.locator('#when').fill(input.when);
		if (input.text !== undefined) await main.locator('#text').fill(input.text);
		if (input.links !== undefined) await main.locator('#links').fill(input.links);
		if (input.file) await main.locator('#files').setInputFiles(input.file);
	}

	async save() {
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}

/** …/report: the whole plan on one page, with the downloads. */
export class PlanReportPage extends BasePage {
	async goto(cityId: string, planId: string) {
		return this.open(`${plansOf(cityId)}/${planId}/report`);
	}

	/**
	 * Each action: its number and title, its status tags (from the table of actions), the
	 * results logged for it (from its details, when it has some).
	 */
	actions(): Promise<{ heading: string; tags: string[]; results: string[] }[]> {
		return this.page.locator('main table.report-actions tbody tr').evaluateAll((rows) =>
			rows.map((tr) => {
				const text = (e: Element | null) => (e as HTMLElement | null)?.innerText.trim() ?? '';
				const heading = `${text(tr.querySelector('td'))}. ${text(tr.querySelector('th'))}`;
				const details = Array.from(document.querySelectorAll('main section.action')).find(
					(s) => text(s.querySelector('h3')) === heading
				);
				return {
					heading,
					tags: Array.from(tr.querySelectorAll('.tag')).map((t) => text(t)),
					results: Array.from(details?.querySelectorAll('ul.log > li') ?? []).map((li) =>
						(li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()
					)
				};
			})
		);
	}

	/** The whole implementation log, below the actions. */
	log(): Promise<string[]> {
		return this.page
			.locator('main ul.log > li')
			.evaluateAll((lis) =>
				lis
					.filter((li) => !li.closest('section.action'))
					.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
			);
	}

	/** Clicks a download link as a person would; returns the file's name and text. */
	async download(file: 'plan.csv' | 'log.csv'): Promise<{ filename: string; text: string }> {
		const download = this.page.waitForEvent('download');
		await this.page.locator(`main a[href$="/${file}"]`).click();
		const got = await download;
		const chunks: Buffer[] = [];
		for await (const chunk of await got.createReadStream()) chunks.push(chunk as Buffer);
		return { filename: got.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
	}
}

/** The "Add to action plan" buttons beside the report's "what more to do" lines. */
export class ReportPlanButtons extends BasePage {
	count(): Promise<number> {
		return this.page.locator('main form.add-to-plan').count();
	}

	/** The lines that have a button: the question's id and its text. */
	lines(): Promise<{ questionId: string; text: string }[]> {
		return this.page.locator('main form.add-to-plan').evaluateAll((forms) =>
			forms.map((f) => {
				const id = (f.querySelector('input[name="questionId"]') as HTMLInputElement).value;
				return {
					questionId: id,
					text: (document.getElementById(`gap-${id}`) as HTMLElement).innerText.trim()
				};
			})
		);
	}

	/** Adds the line of this question; picks the plan by title when there is a choice. */
	async add(questionId: string, planTitle?: string) {
		const form = this.page.locator('main form.add-to-plan').filter({
			has: this.page.locator(`input[name="questionId"][value="${questionId}"]`)
		});
		const select = form.locator('select');
		if (planTitle && (await select.count()) > 0) await select.selectOption({ label: planTitle });
		await clickAndWait(this.page, form.locator('button'));
	}
}
