// The mentoring engagement pages: a city's list, proposing, the engagement itself (answering a
// proposal, its parts, visits, moving it on), and the network admin's list and set-up form.
import { BasePage, links, type Link } from './BasePage.ts';
import { clickAndWait } from '../support/browser.ts';

export interface EngagementRow {
	title: string;
	href: string;
	role: string;
	status: string;
}

/** /workspace/{cityId}/engagements */
export class EngagementListPage extends BasePage {
	async goto(cityId: string) {
		return this.open(`/workspace/${cityId}/engagements`);
	}

	rows(): Promise<EngagementRow[]> {
		return this.page.locator('main table tbody tr').evaluateAll((rows) =>
			rows.flatMap((row) => {
				const cells = Array.from(row.querySelectorAll('td')) as HTMLElement[];
				const link = row.querySelector('a');
				if (!link || cells.length < 4) return [];
				return [
					{
						title: link.textContent?.trim() ?? '',
						href: link.getAttribute('href') ?? '',
						role: cells[1]!.innerText.trim(),
						status: cells[3]!.innerText.replace(/\s+/g, ' ').trim()
					}
				];
			})
		);
	}

	proposeLink() {
		return this.page.locator('main a[href$="/engagements/new"]');
	}
}

export interface EngagementInput {
	theme: string;
	title: string;
	periodFrom?: string;
	periodTo?: string;
	summary?: string;
}

async function fillEngagement(page: BasePage, e: EngagementInput) {
	const main = page.page.locator('main');
	if (e.theme) await main.locator(`input[name="themeSlug"][value="${e.theme}"]`).check();
	await main.locator('#title').fill(e.title);
	await main.locator('#periodFrom').fill(e.periodFrom ?? '');
	await main.locator('#periodTo').fill(e.periodTo ?? '');
	await main.locator('#summary').fill(e.summary ?? '');
}

/** /workspace/{cityId}/engagements/new */
export class ProposeEngagementPage extends BasePage {
	async goto(cityId: string) {
		return this.open(`/workspace/${cityId}/engagements/new`);
	}

	async propose(e: EngagementInput & { otherCity: string; as: 'mentor' | 'implementing' | '' }) {
		const main = this.page.locator('main');
		if (e.otherCity) await main.locator('#otherCityId').selectOption({ label: e.otherCity });
		if (e.as) await main.locator(`input[name="as"][value="${e.as}"]`).check();
		await fillEngagement(this, e);
		await clickAndWait(this.page, main.locator('form button[type="submit"]'));
	}
}

/** /admin/engagements/new */
export class SetUpEngagementPage extends BasePage {
	async goto() {
		return this.open('/admin/engagements/new');
	}

	async setUp(e: EngagementInput & { mentor: string; implementing: string }) {
		const main = this.page.locator('main');
		await main.locator('#mentorCityId').selectOption({ label: e.mentor });
		await main.locator('#implementingCityId').selectOption({ label: e.implementing });
		await fillEngagement(this, e);
		await clickAndWait(this.page, main.locator('form button[type="submit"]'));
	}
}

/** /admin/engagements */
export class AdminEngagementsPage extends BasePage {
	async goto() {
		return this.open('/admin/engagements');
	}

	titles(): Promise<Link[]> {
		return links(this.page.locator('main table tbody td:first-child a'));
	}
}

/** /workspace/{cityId}/engagements/{id} */
export class EngagementPage extends BasePage {
	async goto(cityId: string, id: string) {
		return this.open(`/workspace/${cityId}/engagements/${id}`);
	}

	/** The engagement's id, from the address of the page. */
	get engagementId(): string {
		return new URL(this.page.url()).pathname.split('/')[4] ?? '';
	}

	/** The facts list, term → description. */
	facts(): Promise<Record<string, string>> {
		return this.page.locator('main dl.facts').evaluate((dl) => {
			const out: Record<string, string> = {};
			for (const dt of Array.from(dl.querySelectorAll('dt'))) {
				const dd = dt.nextElementSibling as HTMLElement | null;
				out[dt.textContent?.trim() ?? ''] = dd?.innerText.replace(/\s+/g, ' ').trim() ?? '';
			}
			return out;
		});
	}

	async accept() {
		await clickAndWait(this.page, this.page.locator('main form[action="?/accept"] button'));
	}

	async openDecline() {
		await clickAndWait(this.page, this.page.locator('main a[href$="/decline"]'));
	}

	canRespond(): Promise<number> {
		return this.page.locator('main form[action="?/accept"]').count();
	}

	planLink(): Promise<string | null> {
		return this.page.locator('main a.plan-link').getAttribute('href');
	}

	/** Follows "the action plan" to the engagement's plan. */
	async openPlan() {
		await clickAndWait(this.page, this.page.locator('main a.plan-link'));
	}

	/** The text shown under a part's heading. */
	partText(kind: string): Promise<string> {
		return this.page.locator(`main #part-${kind} .markdown, main #part-${kind} .meta`).innerText();
	}

	async editPart(kind: string) {
		await clickAndWait(this.page, this.page.locator(`main a[href$="/parts/${kind}"]`));
	}

	async openAddVisit() {
		await clickAndWait(this.page, this.page.locator('main a[href$="/visits/new"]'));
	}

	/** Each visit: its heading and its details, term → description. */
	visits(): Promise<{ heading: string; details: Record<string, string> }[]> {
		return this.page.locator('main article.visit').evaluateAll((articles) =>
			articles.map((a) => {
				const details: Record<string, string> = {};
				for (const dt of Array.from(a.querySelectorAll('dt'))) {
					const dd = dt.nextElementSibling as HTMLElement | null;
					details[dt.textContent?.trim() ?? ''] = dd?.innerText.trim() ?? '';
				}
				return { heading: a.querySelector('h3')?.textContent?.trim() ?? '', details };
			})
		);
	}

	async removeVisit(index = 0) {
		await clickAndWait(
			this.page,
			this.page.locator('main form[action="?/removeVisit"] button').nth(index)
		);
	}

	/** Moves it on with the button of that label (follow-up, closed…). */
	async moveOn(label: string) {
		await clickAndWait(
			this.page,
			this.page.locator('main form[action="?/status"] button', { hasText: label })
		);
	}

	sharedAssessments(): Promise<Link[]> {
		return links(this.page.locator('main a[href*="/assessments/"]'));
	}
}

/** …/parts/{kind}: one part's text. */
export class EngagementPartPage extends BasePage {
	async goto(cityId: string, id: string, kind: string) {
		return this.open(`/workspace/${cityId}/engagements/${id}/parts/${kind}`);
	}

	text(): Promise<string> {
		return this.page.locator('main #text').inputValue();
	}

	/** The other person's text, when someone saved first. */
	async conflictText(): Promise<string | null> {
		const box = this.page.locator('main .conflict .markdown');
		return (await box.count()) > 0 ? (await box.innerText()).trim() : null;
	}

	async save(text: string) {
		await this.page.locator('main #text').fill(text);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}

export interface VisitInput {
	visitedOn?: string;
	place: string;
	visitors?: string;
	met?: string;
	topics?: string;
}

/** …/visits/new */
export class VisitFormPage extends BasePage {
	async add(v: VisitInput) {
		const main = this.page.locator('main');
		await main.locator('#visitedOn').fill(v.visitedOn ?? '');
		await main.locator('#place').fill(v.place);
		await main.locator('#visitors').fill(v.visitors ?? '');
		await main.locator('#met').fill(v.met ?? '');
		await main.locator('#topics').fill(v.topics ?? '');
		await clickAndWait(this.page, main.locator('form button[type="submit"]'));
	}
}

/** …/decline */
export class DeclineEngagementPage extends BasePage {
	async decline(reason: string) {
		await this.page.locator('main #reason').fill(reason);
		await clickAndWait(this.page, this.page.locator('main form button[type="submit"]'));
	}
}
