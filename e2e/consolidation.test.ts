// One self-assessment from start to report, as its people go through it without JavaScript:
// the Lublin coordinator starts an assessment and invites an NGO by email (and a member of
// city staff, so that there are two groups to compare); the NGO answers the first key factor
// through the link in its mail and sees it otherwise than the city; the coordinator answers
// with the groups' views beside each question and sets the city's rating, notes the context,
// checks and submits; the report shows the score and where the groups differ, and downloads
// as CSV. axe-core checks every page on the way.
import { beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { en } from './support/messages.ts';
import { closeOpenAssessments } from './support/assessments.ts';
import { useBrowser } from './support/fixtures.ts';
import { clickAndWait, demo, demoPassword } from './support/browser.ts';
import { axeViolations, formatViolations } from './support/axe.ts';
import { benchmark, unique } from './support/content.ts';
import { parseCsv } from './support/csv.ts';
import { BasePage } from './pages/BasePage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import {
	AssessmentListPage,
	CheckPage,
	ContextPage,
	KeyFactorPage,
	NewAssessmentPage,
	ReportPage,
	TaskListPage,
	assessmentIdOf
} from './pages/AssessmentPages.ts';
import { RespondPage, RespondentsPage } from './pages/RespondentPages.ts';

const { context, signedIn } = useBrowser();

let lublinId = '';

beforeAll(async () => {
	const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
	lublinId = await new BasePage(page).cityIdFromHeader('Lublin');
});

const firstKeyFactor = benchmark.keyFactors[0]!;
const questionCount = benchmark.keyFactors.reduce((n, k) => n + k.guideQuestions.length, 0);
const assessmentPath = (id: string) => `/workspace/${lublinId}/assessments/${id}`;

/**
 * A page for axe-core. axe is a script, and in a page with JavaScript off it never finishes
 * (its timers do not run), so each page of the journey is opened again, at the same address,
 * in a twin session with JavaScript on and the Content-Security-Policy bypassed to inject axe.
 * The app's own scripts are held back there: the twin shows the document the journey's person
 * gets without JavaScript.
 */
async function axeTwin(twin: BrowserContext): Promise<Page> {
	await twin.route('**/_app/**/*.js', (route) => route.abort());
	return twin.newPage();
}

/** No axe violation on the page at this address (as the twin's person sees it). */
async function expectAccessible(twin: Page, path: string) {
	expect(await new BasePage(twin).open(path), path).toBe(200);
	const violations = await axeViolations(twin);
	expect(formatViolations(violations), `axe on ${path}`).toBe('');
}

/** "0 – Not in place": a rating as the group views list it. */
const level = (rating: number) =>
	en('scale_level', { rating, label: en(`scale_rating_${rating}`) });

describe('consolidating the groups’ views', () => {
	test('an NGO answers through its link; the coordinator sets the city’s ratings beside its view, submits, and reads and downloads the report', async () => {
		const coordinator = await signedIn(demo.coordinatorLublin, demoPassword);
		const axeOptions = { js: true, bypassCSP: true };
		const coordinatorAxe = await axeTwin(
			(await signedIn(demo.coordinatorLublin, demoPassword, axeOptions)).context
		);
		const respondentAxe = await axeTwin(await context(axeOptions));
		const page = coordinator.page;
		await closeOpenAssessments(page, lublinId);

		// 1. The coordinator starts an assessment from the city's list.
		const list = new AssessmentListPage(page);
		await list.goto(lublinId);
		await clickAndWait(page, list.startButton());
		const start = new NewAssessmentPage(page);
		expect(await start.heading()).toBe(en('assessment_new_title'));
		expect(await start.form().count()).toBe(1);
		await expectAccessible(coordinatorAxe, start.path);
		const cycle = `2026 ${unique()}`;
		await start.start({ cycle, prefill: false });
		const id = assessmentIdOf(start.path);
		const tasks = new TaskListPage(page);
		expect(tasks.path).toBe(assessmentPath(id));
		expect(await tasks.heading()).toBe(en('assessment_heading', { cycle }));
		await expectAccessible(coordinatorAxe, tasks.path);

		// 2. Invites an NGO, and a member of city staff, by email.
		await tasks.openRespondents();
		const respondents = new RespondentsPage(page);
		expect(respondents.path).toBe(`${assessmentPath(id)}/respondents`);
		expect(await respondents.heading()).toBe(en('respondent_list_title'));
		await expectAccessible(coordinatorAxe, respondents.path);
		const tag = unique();
		const ngo = { name: `Lublin NGO ${tag}`, email: `ngo.${tag}@example.org` };
		const staff = { name: `Department champion ${tag}`, email: `staff.${tag}@example.org` };
		await respondents.invite({ ...ngo, group: 'partner_organisation' });
		expect(await respondents.notice()).toBe(en('respondent_invited', { email: ngo.email }));
		await respondents.invite({ ...staff, group: 'city_staff' });
		expect(await respondents.notice()).toBe(en('respondent_invited', { email: staff.email }));
		expect(await respondents.rows()).toEqual([
			expect.objectContaining({
				name: `${ngo.name} ${ngo.email}`,
				group: en('group_partner_organisation'),
				last: en('respondent_never')
			}),
			expect.objectContaining({
				name: `${staff.name} ${staff.email}`,
				group: en('group_city_staff'),
				last: en('respondent_never')
			})
		]);
		await expectAccessible(coordinatorAxe, respondents.path);

		// The links, from the mail in the outbox.
		const admin = await signedIn(demo.admin, demoPassword);
		const outbox = new OutboxPage(admin.page);
		const ngoLink = OutboxPage.link(await outbox.openMail(ngo.email, /Lublin/), /^\/respond\//);
		const staffLink = OutboxPage.link(await outbox.openMail(staff.email, /Lublin/), /^\/respond\//);

		// 3. The NGO opens its link (no account) and answers two questions of the first key factor.
		const ngoPage = new RespondPage(await (await context()).newPage());
		expect(await ngoPage.open(ngoLink)).toBe(200);
		expect(await ngoPage.heading()).toBe(en('respond_title', { city: 'Lublin', cycle }));
		expect(await ngoPage.mainText()).toContain(en('group_partner_organisation'));
		const ngoTasks = await ngoPage.tasks();
		expect(ngoTasks[0]!.status).toBe(en('assessment_task_not_started'));
		await expectAccessible(respondentAxe, ngoPage.path);
		await ngoPage.openTask(ngoTasks[0]!.href);
		expect(await ngoPage.heading()).toBe(firstKeyFactor.title);
		await expectAccessible(respondentAxe, ngoPage.path);
		const [q1, q2, q3, q4, q5] = await ngoPage.questionIds();
		expect(q5, 'the first key factor has five questions').toBeDefined();
		const ngoEvidence = `Nobody asked the associations ${tag}.`;
		await ngoPage.answer(q1!, { rating: '0', evidence: ngoEvidence });
		await ngoPage.answer(q2!, { rating: '1', evidence: 'A plan was announced, nothing since.' });
		await ngoPage.saveAndReturn();
		expect(ngoPage.path).toBe(`${ngoLink}?saved`);
		expect(await ngoPage.notice()).toBe(en('respond_saved'));
		expect((await ngoPage.tasks())[0]!.status).toBe(en('assessment_task_in_progress'));
		await expectAccessible(respondentAxe, ngoPage.path);

		// City staff see the first question as the city does.
		const staffPage = new RespondPage(await (await context()).newPage());
		await staffPage.open(staffLink);
		await staffPage.openTask((await staffPage.tasks())[0]!.href);
		await staffPage.answer(q1!, { rating: '3', evidence: 'Our campaign since 2013.' });
		await staffPage.saveAndReturn();
		expect(await staffPage.notice()).toBe(en('respond_saved'));

		// 4. The coordinator answers the first key factor, the groups' views beside each question.
		await tasks.goto(lublinId, id);
		const rows = await tasks.tasks();
		await tasks.openTask(rows[0]!.href);
		const kf = new KeyFactorPage(page);
		expect(kf.path).toBe(`${assessmentPath(id)}/key-factors/${firstKeyFactor.slug}`);
		expect(await kf.questionIds()).toEqual([q1, q2, q3, q4, q5]);
		const first = await kf.groupView(q1!);
		expect(first.flag).toContain(en('group_differ'));
		const none = en('group_other_value', { dontKnow: '0', notApplicable: '0' });
		const same = en('group_spread_same');
		expect(first.rows).toEqual([
			[en('group_city_staff'), '1', level(3), '3', same, none],
			[en('group_partner_organisation'), '1', level(0), '0', same, none],
			[en('group_migrant'), '0', en('group_no_ratings'), '–', '–', none]
		]);
		const second = await kf.groupView(q2!);
		expect(second.flag).toBeNull();
		expect(second.rows[1]).toEqual([
			en('group_partner_organisation'),
			'1',
			level(1),
			'1',
			same,
			none
		]);
		expect(await page.locator('main').innerText()).not.toContain(ngo.name);
		await expectAccessible(coordinatorAxe, kf.path);

		// The city's rating: two levels or more from the NGO's on the first two questions.
		const questionTexts = await Promise.all([q1, q2, q3, q4, q5].map((q) => kf.questionText(q!)));
		const consolidated = `The NGOs were not asked; the campaign is partly in place ${tag}.`;
		await kf.answer(q1!, { rating: '2', evidence: consolidated });
		await kf.answer(q2!, { rating: '3', evidence: 'The plan runs since 2024.' });
		await kf.answer(q3!, { rating: '4', evidence: 'Evaluated by the university.' });
		await kf.answer(q4!, { rating: '3' });
		await kf.answer(q5!, { rating: 'dont_know' });
		await kf.saveAndReturn();
		expect(tasks.path).toBe(assessmentPath(id));
		expect((await tasks.tasks())[0]!.status).toBe(en('assessment_task_completed'));

		// The context factors, then "check your answers".
		const contextTask = rows.find((r) => r.text === en('assessment_context_title'))!;
		await tasks.openTask(contextTask.href);
		const contextPage = new ContextPage(page);
		expect(await contextPage.heading()).toBe(en('assessment_context_title'));
		await expectAccessible(coordinatorAxe, contextPage.path);
		const factors = await contextPage.factorIds();
		for (const [i, cf] of factors.entries()) {
			await contextPage.note(
				cf,
				i === 0
					? { limit: 'strongly', why: 'National rules on residence.' }
					: { limit: 'not_at_all' }
			);
		}
		await contextPage.saveAndContinue();
		const check = new CheckPage(page);
		expect(check.path).toBe(`${assessmentPath(id)}/check`);
		await expectAccessible(coordinatorAxe, check.path);
		const summary = await check.rows();
		expect(summary.slice(0, 5).map((r) => r.answer)).toEqual([
			en('scale_rating_2'),
			en('scale_rating_3'),
			en('scale_rating_4'),
			en('scale_rating_3'),
			en('scale_dont_know')
		]);
		expect(summary.slice(-factors.length).map((r) => r.answer)).toEqual(
			factors.map((_, i) =>
				i === 0 ? en('assessment_limit_strongly') : en('assessment_limit_not_at_all')
			)
		);
		expect(await check.mainText()).toContain(
			en('assessment_check_unanswered', { count: questionCount - 5 })
		);
		await check.submit();
		expect(tasks.path).toBe(`${assessmentPath(id)}?done=submitted`);
		expect(await tasks.notice()).toBe(en('assessment_submitted_notice'));
		expect((await tasks.facts())[en('assessment_status')]).toContain(
			en('assessment_status_submitted')
		);

		// 5. The report: how near (one key factor rated: 2, 3, 4, 3 is 75 %), where groups differ.
		await tasks.openReport();
		const report = new ReportPage(page);
		expect(report.path).toBe(`${assessmentPath(id)}/report`);
		expect(await report.heading()).toBe(en('report_title', { city: 'Lublin', cycle }));
		expect(await report.headline()).toEqual({
			[en('report_score')]: '75 %',
			[en('report_meeting')]: en('report_k_of_n', { k: 0, n: benchmark.keyFactors.length }),
			[en('report_below')]: '1'
		});
		expect(await report.mainText()).toContain(
			en('report_unjudged', { count: benchmark.keyFactors.length - 1 })
		);
		// (A change since the previous cycle may follow: that cycle is whatever Lublin had before.)
		expect((await report.scoreRows())[0]!.slice(0, 3)).toEqual([
			`${firstKeyFactor.number}. ${firstKeyFactor.title}`,
			'75 %',
			en('report_meets_no')
		]);
		expect(await report.differences(en('report_differences'))).toEqual([
			{
				question: `${firstKeyFactor.number}. ${questionTexts[0]}`,
				groups: [
					`${en('group_city_staff')}: ${en('report_group_mean', { mean: 3, count: 1 })}`,
					`${en('group_partner_organisation')}: ${en('report_group_mean', { mean: 0, count: 1 })}`,
					`${en('group_migrant')}: –`
				]
			}
		]);
		await expectAccessible(coordinatorAxe, report.path);

		// The CSV: one row per guide question, with the city's consolidated rating.
		const csv = await report.downloadCsv();
		expect(csv.filename).toBe(
			`lublin-${benchmark.slug}-${cycle.replace(/[^A-Za-z0-9_-]+/g, '-')}.csv`
		);
		const [header, ...answers] = parseCsv(csv.text);
		expect(header).toEqual([
			'key_factor_number',
			'key_factor',
			'key_factor_score',
			'meets_standard',
			'question',
			'answer',
			'rating',
			'evidence',
			'links'
		]);
		expect(answers).toHaveLength(questionCount);
		const firstRows = answers.filter((r) => r[0] === String(firstKeyFactor.number));
		expect(firstRows.map((r) => r.slice(1, 4))).toEqual(
			firstRows.map(() => [firstKeyFactor.title, '75', 'no'])
		);
		expect(firstRows.map((r) => r.slice(4, 8))).toEqual([
			[questionTexts[0], 'rated', '2', consolidated],
			[questionTexts[1], 'rated', '3', 'The plan runs since 2024.'],
			[questionTexts[2], 'rated', '4', 'Evaluated by the university.'],
			[questionTexts[3], 'rated', '3', ''],
			[questionTexts[4], 'dont_know', '', '']
		]);
	}, 240_000);
});
