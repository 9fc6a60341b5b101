// A city's action plan, as its coordinator makes and follows it: a plan, an action (bad input
// explained, nothing typed lost), a comment, a log entry with a file, the timeline with the
// overdue action marked, an action made in one step from a "what more to do" line of the
// assessment report. Another city never sees it. Without JavaScript.
import { beforeAll, describe, expect, test } from 'vitest';
import { en } from './support/messages.ts';
import { openAssessment } from './support/assessments.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword, languageCookie } from './support/browser.ts';
import { benchmark, unique } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { KeyFactorPage, ReportPage } from './pages/AssessmentPages.ts';
import {
	ActionFormPage,
	ActionPage,
	LogEntryPage,
	PlanListPage,
	PlanPage,
	ReportPlanButtons
} from './pages/PlanPages.ts';
import { minimalPdf } from '../src/lib/server/testing/files.ts';

const { signedIn } = useBrowser();

let lublinId = '';
let tampereId = '';

beforeAll(async () => {
	const lublin = await signedIn(demo.coordinatorLublin, demoPassword);
	lublinId = await new BasePage(lublin.page).cityIdFromHeader('Lublin');
	const tampere = await signedIn(demo.coordinatorTampere, demoPassword);
	tampereId = await new BasePage(tampere.page).cityIdFromHeader('Tampere');
});

describe('action plans', () => {
	test('a coordinator plans, comments, logs, sees what is overdue; others see nothing', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const list = new PlanListPage(page);
		expect(await list.goto(lublinId)).toBe(200);
		const planTitle = `Lublin for all ${unique()}`;
		await list.create(planTitle);
		const plan = new PlanPage(page);
		expect(await plan.heading()).toBe(planTitle);
		expect(await plan.mainText()).toContain(en('plan_no_actions'));
		const planId = plan.planId;

		// Bad input is explained, and what was typed stays.
		await plan.addAction();
		const form = new ActionFormPage(page);
		await form.fill({
			title: '',
			description: 'A body where migrants speak for themselves.',
			startOn: '2014-03-01',
			dueOn: '2014-02-12',
			status: 'dropped'
		});
		await form.save();
		expect(await form.errorSummaryItems()).toEqual([
			{ text: en('error_action_title_required'), href: '#title' },
			{ text: en('error_action_due_before_start'), href: '#dueOn' },
			{ text: en('error_action_reason_required'), href: '#droppedReason' }
		]);
		expect(await form.value('description')).toBe('A body where migrants speak for themselves.');

		await form.fill({
			title: 'Migrant representative body',
			owner: 'Lublin Coordinator (demo)',
			startOn: '2013-09-01',
			dueOn: '2014-02-12',
			status: 'in_progress',
			progress: '30'
		});
		await form.save();
		const action = new ActionPage(page);
		expect(await action.notice()).toBe(en('action_added'));
		expect(await action.heading()).toBe('Migrant representative body');
		expect(await action.facts()).toMatchObject({
			[en('action_owner_short')]: 'Lublin Coordinator (demo)',
			[en('action_progress')]: '30 %'
		});
		const actionId = action.actionId;

		await action.comment('We will invite the NGOs first.');
		expect(await action.notice()).toBe(en('comment_added'));
		const [comment] = await action.comments();
		expect(comment!.meta).toContain('Lublin Coordinator (demo), Lublin');
		expect(comment!.body).toBe('We will invite the NGOs first.');

		await action.addLogEntry();
		const log = new LogEntryPage(page);
		await log.fill({
			happenedOn: '2014-02-12',
			text: 'Migrant representative body: first meeting',
			links: 'https://lublin.eu/en/',
			file: {
				name: 'minutes.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from(minimalPdf())
			}
		});
		await log.save();
		expect(await action.notice()).toBe(en('log_added'));
		const [file] = await action.logFiles();
		expect(file!.text).toBe('minutes.pdf');
		const download = await page.request.get(file!.href);
		expect(download.status()).toBe(200);
		expect(download.headers()['content-type']).toBe('application/pdf');

		// The action is past its due day and still in progress: overdue, in both views.
		await plan.goto(lublinId, planId);
		expect(await plan.actions()).toEqual([
			{
				title: 'Migrant representative body',
				tags: [en('action_status_in_progress'), en('action_overdue')]
			}
		]);
		await plan.goto(lublinId, planId, '/timeline');
		expect(await plan.timeline().getAttribute('role')).toBe('img');
		expect(await plan.timeline().locator('rect.overdue').count()).toBe(1);
		expect(await plan.timeline().locator('text').allTextContents()).toContain(
			`1. Migrant representative body — ${en('action_overdue')}`
		);
		const [row] = await plan.timelineRows();
		expect(row![3]).toBe(`${en('action_status_in_progress')} ${en('action_overdue')}`);
		// On a phone the titles keep a readable width (the table scrolls sideways instead).
		expect(await plan.timelineTitleWidth()).toBeGreaterThan(150);
		// Right to left, time runs from the right: the titles and the first days stand there.
		await page.context().addCookies([{ name: languageCookie, value: 'ar', url: page.url() }]);
		await plan.goto(lublinId, planId, '/timeline');
		expect(await plan.timelineTitleSide()).toBe('right');
		await page.context().addCookies([{ name: languageCookie, value: 'en', url: page.url() }]);
		await plan.goto(lublinId, planId, '/log');
		expect((await plan.logTexts())[0]).toContain('Migrant representative body: first meeting');

		// Another city: not found, under its own address or Lublin's.
		const tampere = await signedIn(demo.coordinatorTampere, demoPassword);
		const theirs = new PlanPage(tampere.page);
		expect(await theirs.goto(tampereId, planId)).toBe(404);
		expect(await theirs.goto(lublinId, planId)).toBe(404);
		expect(await new ActionPage(tampere.page).goto(tampereId, planId, actionId)).toBe(404);
		// A stakeholder reads it, without the forms.
		const ngo = await signedIn(demo.ngoLublin, demoPassword);
		const read = new ActionPage(ngo.page);
		expect(await read.goto(lublinId, planId, actionId)).toBe(200);
		expect(await ngo.page.locator('main form').count()).toBe(0);
	});

	test('a "what more to do" line of the report becomes an action in one step', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const list = new PlanListPage(page);
		await list.goto(lublinId);
		const planTitle = `From the report ${unique()}`;
		await list.create(planTitle);

		const assessmentId = await openAssessment(page, lublinId);
		const keyFactor = new KeyFactorPage(page);
		await keyFactor.goto(lublinId, assessmentId, benchmark.keyFactors[0]!.slug);
		const [questionId] = await keyFactor.questionIds();
		const question = await keyFactor.questionText(questionId!);
		await keyFactor.answer(questionId!, { rating: '1' });
		await keyFactor.saveAndReturn();

		const report = new ReportPage(page);
		expect(await report.goto(lublinId, assessmentId)).toBe(200);
		const buttons = new ReportPlanButtons(page);
		expect(await buttons.count()).toBeGreaterThan(0);
		await buttons.add(questionId!, planTitle);
		const action = new ActionPage(page);
		expect(await action.notice()).toBe(en('action_added_from_report'));
		expect(await action.heading()).toBe(question);
		expect(await action.facts()).toMatchObject({ [en('action_questions')]: question });

		// Who may not edit the city's plans reads the report without the buttons.
		const ngo = await signedIn(demo.ngoLublin, demoPassword);
		const theirs = new ReportPage(ngo.page);
		if ((await theirs.goto(lublinId, assessmentId)) === 200) {
			expect(await new ReportPlanButtons(ngo.page).count()).toBe(0);
		}
	});
});
