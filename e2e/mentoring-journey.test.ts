// The mentoring journey end to end, as two cities' coordinators live it: Lublin proposes,
// Tampere accepts to mentor; Lublin plans three actions (one from a "what more to do" line of
// its assessment report) and logs a result with a file; Tampere comments with a suggestion but cannot
// change the plan; Lublin reads the comment and exports the plan. With JavaScript on, and the
// same steps with it off (every form is a plain POST).
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { en } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { parseCsv } from './support/csv.ts';
import { axeViolations, formatViolations } from './support/axe.ts';
import { unique } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { AssessmentListPage, ReportPage, assessmentIdOf } from './pages/AssessmentPages.ts';
import {
	EngagementListPage,
	EngagementPage,
	ProposeEngagementPage
} from './pages/EngagementPages.ts';
import {
	ActionFormPage,
	ActionPage,
	LogEntryPage,
	PlanPage,
	PlanReportPage,
	ReportPlanButtons
} from './pages/PlanPages.ts';
import { minimalPdf } from '../src/lib/server/testing/files.ts';

const { baseURL, signedIn } = useBrowser();

const coordinator = 'Lublin Coordinator (demo)';
const planHeader = [
	'position',
	'title',
	'status',
	'dropped_reason',
	'overdue',
	'owner',
	'start_on',
	'due_on',
	'progress_percent',
	'key_factors',
	'questions',
	'description',
	'obstacles',
	'resources',
	'comments',
	'results'
];

let lublinId = '';
let tampereId = '';

beforeAll(async () => {
	const lublin = await signedIn(demo.coordinatorLublin, demoPassword);
	lublinId = await new BasePage(lublin.page).cityIdFromHeader('Lublin');
	const tampere = await signedIn(demo.coordinatorTampere, demoPassword);
	tampereId = await new BasePage(tampere.page).cityIdFromHeader('Tampere');
});

/** With JavaScript on, a page opened by address is hydrated before anyone types into it. */
async function settled(page: Page, js: boolean) {
	if (js) await page.waitForLoadState('networkidle');
}

async function expectNoAxeViolations(page: Page, what: string) {
	const violations = await axeViolations(page);
	expect(violations, `${what}:\n${formatViolations(violations)}`).toEqual([]);
}

describe('the mentoring journey', () => {
	test.each([{ js: true }, { js: false }])(
		'a city proposes, the other mentors; the plan is made, followed, commented and exported (JavaScript: $js)',
		async ({ js }) => {
			// axe needs its script past the Content-Security-Policy: only with JavaScript on.
			const options = { js, bypassCSP: js };
			const lublin = await signedIn(demo.coordinatorLublin, demoPassword, options);
			const tampere = await signedIn(demo.coordinatorTampere, demoPassword, options);
			const title = `Tampere mentors Lublin's welcome ${unique()}`;

			// 1. Lublin proposes: Lublin implements, Tampere mentors.
			const propose = new ProposeEngagementPage(lublin.page);
			expect(await propose.goto(lublinId)).toBe(200);
			await settled(lublin.page, js);
			await propose.propose({
				otherCity: 'Tampere',
				as: 'implementing',
				theme: 'enhancing-public-perception',
				title,
				periodFrom: '2026-09',
				periodTo: '2027-12',
				summary: 'Lublin asks Tampere how it welcomes newcomers.'
			});
			const lublinView = new EngagementPage(lublin.page);
			expect(await lublinView.notice()).toBe(en('engagement_proposed_notice'));
			const engagementId = lublinView.engagementId;

			// 2. Tampere finds it waiting for its answer, and accepts.
			const list = new EngagementListPage(tampere.page);
			await list.goto(tampereId);
			expect((await list.rows()).find((r) => r.title === title)?.status).toBe(
				`${en('engagement_status_proposed')} ${en('engagement_awaiting_you')}`
			);
			const tampereView = new EngagementPage(tampere.page);
			await tampereView.goto(tampereId, engagementId);
			await settled(tampere.page, js);
			await tampereView.accept();
			expect((await tampereView.facts())[en('engagement_status')]).toBe(
				en('engagement_status_active')
			);

			// 3. Lublin opens the engagement's plan (made for it then) and adds two actions.
			await lublinView.goto(lublinId, engagementId);
			await settled(lublin.page, js);
			await lublinView.openPlan();
			const plan = new PlanPage(lublin.page);
			expect(await plan.heading()).toBe(title);
			expect(await plan.mainText()).toContain(en('plan_no_actions'));
			const planId = plan.planId;
			const form = new ActionFormPage(lublin.page);
			const planned = [
				{
					title: 'Welcome desk for newcomers at the city office',
					owner: coordinator,
					startOn: '2026-09-01',
					dueOn: '2027-06-30',
					status: 'in_progress' as const,
					progress: '40'
				},
				{
					title: 'Breakfast with the press on migration stories',
					owner: coordinator,
					startOn: '2027-01-15',
					dueOn: '2027-03-31',
					status: 'planned' as const
				}
			];
			for (const input of planned) {
				await plan.goto(lublinId, planId);
				await settled(lublin.page, js);
				await plan.addAction();
				await form.fill(input);
				await form.save();
				expect(await new ActionPage(lublin.page).notice()).toBe(en('action_added'));
			}

			// …and a third from a "what more to do" line of its submitted 2014 assessment.
			const assessments = new AssessmentListPage(lublin.page);
			await assessments.goto(lublinId);
			const submitted = (await assessments.assessments()).find((a) => a.text.includes('2014'));
			expect(submitted, 'the demo assessment of 2014').toBeTruthy();
			const report = new ReportPage(lublin.page);
			expect(await report.goto(lublinId, assessmentIdOf(submitted!.href))).toBe(200);
			await settled(lublin.page, js);
			const buttons = new ReportPlanButtons(lublin.page);
			const [gap] = await buttons.lines();
			expect(gap, 'a "what more to do" line with its button').toBeTruthy();
			if (js) await expectNoAxeViolations(lublin.page, 'the report with its buttons');
			await buttons.add(gap!.questionId, title);
			const fromReport = new ActionPage(lublin.page);
			expect(await fromReport.notice()).toBe(en('action_added_from_report'));
			expect(await fromReport.heading()).toBe(gap!.text);
			const titles = [...planned.map((p) => p.title), gap!.text];

			await plan.goto(lublinId, planId);
			expect(await plan.actions()).toEqual([
				{ title: titles[0], tags: [en('action_status_in_progress')] },
				{ title: titles[1], tags: [en('action_status_planned')] },
				{ title: titles[2], tags: [en('action_status_planned')] }
			]);

			// 4. Lublin logs a result of the first action, with a link and a file.
			await plan.openAction(titles[0]!);
			const action = new ActionPage(lublin.page);
			await action.addLogEntry();
			const log = new LogEntryPage(lublin.page);
			const result = 'The welcome desk opened: 35 newcomers came in its first week';
			await log.fill({
				happenedOn: '2026-11-12',
				text: result,
				links: 'https://lublin.eu/en/',
				file: {
					name: 'welcome-desk.pdf',
					mimeType: 'application/pdf',
					buffer: Buffer.from(minimalPdf())
				}
			});
			await log.save();
			expect(await action.notice()).toBe(en('log_added'));
			expect(await action.mainText()).toContain(result);
			expect((await action.logFiles()).map((f) => f.text)).toEqual(['welcome-desk.pdf']);
			const welcomeDesk = action.path.split('?')[0]!;

			// 5. Tampere follows the engagement to the plan: it reads, comments, suggests…
			await tampereView.goto(tampereId, engagementId);
			await settled(tampere.page, js);
			await tampereView.openPlan();
			const theirPlan = new PlanPage(tampere.page);
			expect(theirPlan.planId).toBe(planId);
			expect((await theirPlan.actions()).map((a) => a.title)).toEqual(titles);
			expect(await theirPlan.editControls()).toBe(0);
			await theirPlan.openAction(titles[0]!);
			const theirAction = new ActionPage(tampere.page);
			const actionId = theirAction.actionId;
			expect(await theirAction.mainText()).toContain(result);
			expect(await theirAction.editControls()).toBe(0);
			expect(await theirAction.canSuggest()).toBe(1);
			if (js) await expectNoAxeViolations(tampere.page, "the mentor's view of an action");
			const suggestion = 'Put the desk’s opening hours on the city’s home page, as Tampere did.';
			await theirAction.comment(suggestion, true);
			expect(await theirAction.notice()).toBe(en('comment_added'));

			// …but cannot change it, by address or by a form sent by hand.
			const theirs = `/workspace/${tampereId}/plans/${planId}`;
			// What a browser's plain form post sends: from the app's origin, for an HTML page.
			const asBrowser = { origin: new URL(baseURL).origin, accept: 'text/html' };
			const mentor = new BasePage(tampere.page);
			expect(await mentor.open(`${theirs}/actions/new`)).toBe(403);
			expect(await mentor.open(`${theirs}/actions/${actionId}/edit`)).toBe(403);
			expect(await mentor.open(`${theirs}/log/new`)).toBe(403);
			const sent = await tampere.page.request.post(`${theirs}/actions/${actionId}/edit`, {
				form: { title: 'Changed by the mentor', status: 'done', revision: '0' },
				headers: asBrowser,
				maxRedirects: 0
			});
			expect(sent.status()).toBe(403);
			// The app's own answer (a refused cross-site post would be plain text).
			expect(await sent.text()).toContain(en('error_forbidden_title'));
			const added = await tampere.page.request.post(`${theirs}/actions/new`, {
				form: { title: 'Added by the mentor', status: 'planned' },
				headers: asBrowser,
				maxRedirects: 0
			});
			expect(added.status()).toBe(403);
			expect(await added.text()).toContain(en('error_forbidden_title'));

			// 6. Lublin reads the suggestion; nothing the mentor tried changed the plan.
			await new BasePage(lublin.page).open(welcomeDesk);
			expect(await action.heading()).toBe(titles[0]);
			const comments = await action.comments();
			expect(comments).toHaveLength(1);
			expect(comments[0]!.meta).toContain('Tampere Coordinator (demo), Tampere');
			expect(comments[0]!.meta).toContain(en('comment_suggestion'));
			expect(comments[0]!.body).toBe(suggestion);

			// The report shows the whole plan, and the actions download as CSV.
			await plan.goto(lublinId, planId);
			await settled(lublin.page, js);
			await plan.openReport();
			const planReport = new PlanReportPage(lublin.page);
			expect(await planReport.heading()).toBe(title);
			const shown = await planReport.actions();
			expect(shown.map((a) => a.heading)).toEqual(titles.map((t, i) => `${i + 1}. ${t}`));
			expect(shown.map((a) => a.tags)).toEqual([
				[en('action_status_in_progress')],
				[en('action_status_planned')],
				[en('action_status_planned')]
			]);
			expect(shown[0]!.results).toHaveLength(1);
			expect(shown[0]!.results[0]).toContain(`12 November 2026 ${result}`);
			expect(shown[1]!.results).toEqual([]);
			expect(await planReport.log()).toEqual([expect.stringContaining(result)]);
			expect(await planReport.mainText()).toContain(
				en('plan_report_summary', {
					total: 3,
					done: 0,
					inProgress: 1,
					planned: 2,
					dropped: 0,
					overdue: 0
				})
			);

			const csv = await planReport.download('plan.csv');
			expect(csv.filename).toMatch(/^lublin-.*-plan\.csv$/);
			const [header, ...rows] = parseCsv(csv.text);
			expect(header).toEqual(planHeader);
			const column = (name: string) => planHeader.indexOf(name);
			expect(rows.map((r) => r[column('title')])).toEqual(titles);
			expect(rows.map((r) => r[column('status')])).toEqual(['in_progress', 'planned', 'planned']);
			expect(rows.map((r) => r[column('owner')])).toEqual([coordinator, coordinator, '']);
			expect(rows[0]![column('due_on')]).toBe('2027-06-30');
			expect(rows[0]![column('comments')]).toBe('1');
			expect(rows[0]![column('results')]).toBe(`2026-11-12: ${result}`);
			expect(rows[2]![column('questions')]).toBe(gap!.text);

			const logCsv = parseCsv((await planReport.download('log.csv')).text);
			expect(logCsv.slice(1).map((r) => [r[0], r[2], r[4], r[5], r[6]])).toEqual([
				['2026-11-12', '1', result, 'https://lublin.eu/en/', 'welcome-desk.pdf']
			]);

			// The mentor city reads the same report.
			expect(await new PlanReportPage(tampere.page).goto(tampereId, planId)).toBe(200);
			expect(await new PlanReportPage(tampere.page).mainText()).toContain(result);
		}
	);
});
