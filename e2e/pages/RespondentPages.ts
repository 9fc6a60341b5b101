// The respondents of a self-assessment: the coordinator's page (who was invited, the invite
// form, each group's answers) and the respondent's own pages through their link.
import type { Locator } from 'playwright-core';
import { BasePage } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export interface RespondentRow {
	name: string;
	group: string;
	status: string;
	last: string;
	/** The small forms of the row: "resend", "revoke". */
	actions: string[];
}

/** /workspace/{cityId}/assessments/{id}/respondents (coordinator). */
export class RespondentsPage extends BasePage {
	async goto(cityId: string, id: string) {
		return this.open(`/workspace/${cityId}/assessments/${id}/respondents`);
	}

	async invite(input: { name?: string; email?: string; group?: string }) {
		const form = this.inviteForm();
		if (input.name !== undefined) await form.locator('#name').fill(input.name);
		if (input.email !== undefined) await form.locator('#email').fill(input.email);
		if (input.group) await form.locator(`input[name="group"][value="${input.group}"]`).check();
		await clickAndWait(this.page, form.locator('button[type="submit"]'));
	}

	inviteForm() {
		return this.page.locator('main form.invite-form');
	}

	/** Sends a new link to the respondent of this name (the button in their row). */
	async resend(name: string) {
		await clickAndWait(this.page, this.row(name).locator('button[data-action="resend"]'));
	}

	/** Withdraws the link of the respondent of this name. */
	async revoke(name: string) {
		await clickAndWait(this.page, this.row(name).locator('button[data-action="revoke"]'));
	}

	private row(name: string) {
		return this.page
			.locator('main table.respondent-list tbody tr')
			.filter({ has: this.page.locator('td:first-child', { hasText: name }) });
	}

	rows(): Promise<RespondentRow[]> {
		return this.page.locator('main table.respondent-list tbody tr').evaluateAll((rows) =>
			rows.flatMap((row) => {
				const cells = Array.from(row.querySelectorAll('td')).map((c) =>
					(c as HTMLElement).innerText.replace(/\s+/g, ' ').trim()
				);
				if (cells.length !== 5) return [];
				const actions = Array.from(row.querySelectorAll('button[data-action]')).map(
					(b) => b.getAttribute('data-action') ?? ''
				);
				return [{ name: cells[0]!, group: cells[1]!, status: cells[2]!, last: cells[3]!, actions }];
			})
		);
	}

	/** One question's group view: its rows (group, answers, ratings…) and whether it is flagged. */
	groupView(questionId: string): Promise<GroupView> {
		return groupViewIn(this.page.locator(`main #views-${questionId}`));
	}
}

export interface GroupView {
	/** Each group's row: group, answers, ratings, mean, spread, Don't know / Not applicable. */
	rows: string[][];
	/** The "groups differ" flag, or null when the question is not flagged. */
	flag: string | null;
}

/** The group view (GroupViews component) inside a box: its rows and its flag. */
export async function groupViewIn(box: Locator): Promise<GroupView> {
	const rows = await box
		.locator('tr.group-row')
		.evaluateAll((trs) =>
			trs.map((tr) =>
				Array.from(tr.querySelectorAll('th, td')).map((c) =>
					(c as HTMLElement).innerText.replace(/\s+/g, ' ').trim()
				)
			)
		);
	const flag = box.locator('.group-flag');
	return {
		rows,
		flag: (await flag.count()) > 0 ? (await flag.innerText()).replace(/\s+/g, ' ').trim() : null
	};
}

/** /respond/{token} and /respond/{token}/{keyFactorSlug}: the respondent's own questionnaire. */
export class RespondPage extends BasePage {
	referrerPolicy(): Promise<string | null> {
		return this.page.locator('head meta[name="referrer"]').getAttribute('content');
	}

	async tasks() {
		return this.page.locator('main .task-list-item').evaluateAll((rows) =>
			rows.map((row) => ({
				text: (row.querySelector('a') as HTMLElement | null)?.innerText.trim() ?? '',
				href: row.querySelector('a')?.getAttribute('href') ?? '',
				status: (row.querySelector('.task-list-status') as HTMLElement | null)?.innerText.trim()
			}))
		);
	}

	/** Opens a key factor by its link in the task list. */
	async openTask(href: string) {
		await clickAndWait(this.page, this.page.locator(`main .task-list a[href="${href}"]`));
	}

	questionIds(): Promise<string[]> {
		return this.page
			.locator('main .question[id^="q-"]')
			.evaluateAll((els) => els.map((e) => e.id.slice(2)));
	}

	async answer(id: string, input: { rating?: string; evidence?: string }) {
		const main = this.page.locator('main');
		if (input.rating !== undefined) {
			await main.locator(`input[name="rating-${id}"][value="${input.rating}"]`).check();
		}
		if (input.evidence !== undefined) await main.locator(`#evidence-${id}`).fill(input.evidence);
	}

	checkedRating(id: string): Promise<string | null> {
		return this.page
			.locator(`main input[name="rating-${id}"]`)
			.evaluateAll(
				(inputs) => (inputs as HTMLInputElement[]).find((i) => i.checked)?.value ?? null
			);
	}

	inputCount(): Promise<number> {
		return this.page.locator('main textarea, main input[type="radio"]').count();
	}

	answerText(id: string): Promise<string> {
		return this.page.locator(`main #q-${id} .answer-text`).first().innerText();
	}

	async saveAndReturn() {
		await clickAndWait(this.page, this.page.locator('main button[name="then"][value="list"]'));
	}
}
