// A city's self-assessment: the Lublin coordinator starts one, answers guide questions (bad
// input explained, nothing typed lost), notes the context, checks the answers and submits;
// the assessment is then read-only until reopened. Another city never sees it. Without
// JavaScript, except for the background save, which is JavaScript's extra.
import { beforeAll, describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { closeOpenAssessments, openAssessment } from './support/assessments.ts';
import { useBrowser } from './support/fixtures.ts';
import { clickAndWait, demo, demoPassword } from './support/browser.ts';
import { benchmark, unique } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import {
	AssessmentListPage,
	CheckPage,
	ContextPage,
	KeyFactorPage,
	NewAssessmentPage,
	TaskListPage,
	assessmentIdOf
} from './pages/AssessmentPages.ts';

const { signedIn } = useBrowser();

let lublinId = '';

beforeAll(async () => {
	const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
	lublinId = await new BasePage(page).cityIdFromHeader('Lublin');
});

const firstKeyFactor = benchmark.keyFactors[0]!;
const secondKeyFactor = benchmark.keyFactors[1]!;
const assessmentPath = (id: string) => `/workspace/${lublinId}/assessments/${id}`;

/** "Saved at 10:42", whatever the time. */
const savedAt = new RegExp(
	'^' +
		en('assessment_autosave_saved', { time: 'TIME' })
			.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			.replace('TIME', '\\d{1,2}[:.]\\d{2}') +
		'$'
);

describe('self-assessment', () => {
	test('a coordinator starts an assessment, answers, checks and submits it; it is then read-only', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		await closeOpenAssessments(page, lublinId);

		// From the workspace to the city's assessments, and on to start one.
		const workspace = new WorkspacePage(page);
		await workspace.goto(lublinId);
		expect((await workspace.cards())[0]).toEqual({
			text: en('assessment_list_title'),
			href: `/workspace/${lublinId}/assessments`
		});
		const list = new AssessmentListPage(page);
		expect(await list.goto(lublinId)).toBe(200);
		await clickAndWait(page, list.startButton());
		const start = new NewAssessmentPage(page);
		expect(start.path).toBe(`/workspace/${lublinId}/assessments/new`);
		expect(await start.heading()).toBe(en('assessment_new_title'));

		// No cycle, then one that is not a year or a period: explained, what was typed kept.
		await start.start({ cycle: '' });
		expect(await start.title()).toBe(
			title(en('error_title_prefix', { title: en('assessment_new_title') }))
		);
		expect(await start.errorSummaryItems()).toEqual([
			{ text: en('error_cycle_required'), href: '#cycle' }
		]);
		expect(await start.fieldError('cycle')).toBe(en('error_cycle_required'));
		await start.start({ cycle: '2026 <b>' });
		expect(await start.fieldError('cycle')).toBe(en('error_cycle_invalid'));
		expect(await start.fieldValue('cycle')).toBe('2026 <b>');

		const cycle = `2026 ${unique()}`;
		await start.start({ cycle, prefill: false });
		const id = assessmentIdOf(start.path);
		const tasks = new TaskListPage(page);
		expect(tasks.path).toBe(assessmentPath(id));
		expect(await tasks.heading()).toBe(en('assessment_heading', { cycle }));
		const facts = await tasks.facts();
		expect(facts[en('assessment_benchmark')]).toContain(benchmark.title);
		expect(facts[en('assessment_status')]).toContain(en('assessment_status_in_progress'));
		expect(facts[en('assessment_visibility')]).toBe(en('assessment_visibility_private'));
		const rows = await tasks.tasks();
		expect(rows.map((r) => r.text)).toEqual([
			...benchmark.keyFactors.map((k) => `${k.number}. ${k.title}`),
			en('assessment_context_title'),
			en('assessment_check_title')
		]);
		expect(rows.slice(0, -1).map((r) => r.status)).toEqual(
			rows.slice(0, -1).map(() => en('assessment_task_not_started'))
		);
		expect(await page.locator('main a[href="/method"]').count()).toBe(1);

		// The first key factor: two of its questions answered, then back to the task list.
		await tasks.openTask(rows[0]!.href);
		const kf = new KeyFactorPage(page);
		expect(kf.path).toBe(`${assessmentPath(id)}/key-factors/${firstKeyFactor.slug}`);
		expect(await kf.heading()).toBe(firstKeyFactor.title);
		const [q1, q2, q3] = await kf.questionIds();
		expect(q3, 'the key factor has at least three questions').toBeDefined();
		await kf.answer(q1!, {
			rating: '3',
			evidence: 'A welcome campaign since 2013.',
			links: 'https://lublin.eu'
		});
		await kf.answer(q2!, { rating: 'dont_know' });
		await kf.saveAndReturn();
		expect(tasks.path).toBe(assessmentPath(id));
		expect((await tasks.tasks())[0]!.status).toBe(en('assessment_task_in_progress'));

		// Bad input is explained next to its field; everything typed stays; nothing is saved.
		await tasks.openTask(rows[0]!.href);
		const huge = 'Evidence. '.repeat(1001).slice(0, 10_001);
		await kf.removeMaxLength(`evidence-${q2}`);
		await kf.answer(q1!, { rating: '4', links: 'https://lublin.eu\njavascript:alert(1)' });
		await kf.answer(q2!, { evidence: huge });
		await kf.answer(q3!, { rating: '1', evidence: 'Typed, not saved yet.' });
		await kf.saveAndContinue();
		expect(await kf.title()).toMatch(/^Error: /);
		expect(await kf.errorSummaryItems()).toEqual([
			{ text: en('error_links_invalid'), href: `#links-${q1}` },
			{ text: en('error_evidence_too_long'), href: `#evidence-${q2}` }
		]);
		expect(await kf.fieldError(`links-${q1}`)).toBe(en('error_links_invalid'));
		expect(await kf.fieldError(`evidence-${q2}`)).toBe(en('error_evidence_too_long'));
		expect(await kf.fieldError(`evidence-${q1}`)).toBeNull();
		expect(await kf.checkedRating(q1!)).toBe('4');
		expect(await kf.fieldValue(`links-${q1}`)).toBe('https://lublin.eu\njavascript:alert(1)');
		expect(await kf.fieldValue(`evidence-${q2}`)).toBe(huge);
		expect(await kf.checkedRating(q2!)).toBe('dont_know');
		expect(await kf.checkedRating(q3!)).toBe('1');
		expect(await kf.fieldValue(`evidence-${q3}`)).toBe('Typed, not saved yet.');
		await kf.goto(lublinId, id, firstKeyFactor.slug);
		expect(await kf.checkedRating(q1!)).toBe('3');
		expect(await kf.checkedRating(q3!)).toBeNull();

		// The context factors, then "check your answers".
		const context = new ContextPage(page);
		expect(await context.open(`${assessmentPath(id)}/context`)).toBe(200);
		expect(await context.heading()).toBe(en('assessment_context_title'));
		const [cf1] = await context.factorIds();
		await context.note(cf1!, { limit: 'strongly', why: 'National rules on residence.' });
		await context.saveAndContinue();
		const check = new CheckPage(page);
		expect(check.path).toBe(`${assessmentPath(id)}/check`);
		const summary = await check.rows();
		expect(summary[0]).toMatchObject({
			answer: en('scale_rating_3'),
			change: `${assessmentPath(id)}/key-factors/${firstKeyFactor.slug}#q-${q1}`
		});
		expect(summary[1]!.answer).toBe(en('scale_dont_know'));
		expect(summary[2]!.answer).toBe(en('scale_unanswered'));
		expect(summary.find((r) => r.change.endsWith(`#cf-${cf1}`))?.answer).toBe(
			en('assessment_limit_strongly')
		);
		const questions = benchmark.keyFactors.reduce((n, k) => n + k.guideQuestions.length, 0);
		expect(await check.mainText()).toContain(
			en('assessment_check_unanswered', { count: questions - 2 })
		);

		await check.submit();
		expect(tasks.path).toBe(`${assessmentPath(id)}?done=submitted`);
		expect(await tasks.notice()).toBe(en('assessment_submitted_notice'));
		expect((await tasks.facts())[en('assessment_status')]).toContain(
			en('assessment_status_submitted')
		);
		expect((await tasks.tasks()).map((t) => t.text)).not.toContain(en('assessment_check_title'));
		expect(await tasks.mainText()).toContain(en('assessment_read_only'));

		// Read-only: the answers as text, no field; "check and submit" is gone.
		await kf.goto(lublinId, id, firstKeyFactor.slug);
		expect(await kf.inputCount()).toBe(0);
		expect(await kf.answerText(q1!)).toContain(en('scale_rating_3'));
		expect(await kf.answerText(q1!)).toContain('https://lublin.eu');
		await check.goto(lublinId, id);
		expect(check.path).toBe(assessmentPath(id));

		// The coordinator reopens it: it can be changed again.
		await tasks.reopen();
		expect(tasks.path).toBe(`${assessmentPath(id)}?done=reopened`);
		expect(await tasks.notice()).toBe(en('assessment_reopened_notice'));
		await kf.goto(lublinId, id, firstKeyFactor.slug);
		expect(await kf.inputCount()).toBeGreaterThan(0);
		expect(await kf.checkedRating(q1!)).toBe('3');
	});

	test('publishing waits for the submission, and says why', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const id = await openAssessment(page, lublinId);
		const tasks = new TaskListPage(page);
		await tasks.goto(lublinId, id);
		await tasks.setVisibility('public');
		expect(await tasks.title()).toMatch(/^Error: /);
		expect(await tasks.fieldError('visibility')).toBe(en('assessment_error_publish_not_submitted'));
		await tasks.setVisibility('network');
		expect(tasks.path).toBe(`${assessmentPath(id)}?done=visibility`);
		expect((await tasks.facts())[en('assessment_visibility')]).toBe(
			en('assessment_visibility_network')
		);
		await tasks.setVisibility('private');
	});

	test('the next cycle starts from our answers of the last one', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		await closeOpenAssessments(page, lublinId);
		const start = new NewAssessmentPage(page);
		const last = `2025 ${unique()}`;
		await start.goto(lublinId);
		await start.start({ cycle: last, prefill: false });
		const lastId = assessmentIdOf(start.path);
		const kf = new KeyFactorPage(page);
		await kf.goto(lublinId, lastId, firstKeyFactor.slug);
		const [q1] = await kf.questionIds();
		await kf.answer(q1!, { rating: '4', evidence: 'Evaluated by the university.' });
		await kf.saveAndReturn();
		const check = new CheckPage(page);
		await check.goto(lublinId, lastId);
		await check.submit();

		await start.goto(lublinId);
		expect(await start.prefill()).toEqual({
			label: en('assessment_new_prefill', { cycle: last }),
			checked: true
		});
		const next = `2026 ${unique()}`;
		await start.start({ cycle: next });
		const nextId = assessmentIdOf(start.path);
		expect(nextId).not.toBe(lastId);
		await kf.goto(lublinId, nextId, firstKeyFactor.slug);
		expect(await kf.checkedRating(q1!)).toBe('4');
		expect(await kf.fieldValue(`evidence-${q1}`)).toBe('Evaluated by the university.');
	});

	test('two people saving the same question: the colleague’s answer is shown, ours kept to copy', async () => {
		const coordinator = await signedIn(demo.coordinatorLublin, demoPassword);
		const id = await openAssessment(coordinator.page, lublinId);
		const contributor = await signedIn(demo.contributorLublin, demoPassword);
		const mine = new KeyFactorPage(coordinator.page);
		const theirs = new KeyFactorPage(contributor.page);
		await mine.goto(lublinId, id, secondKeyFactor.slug);
		expect(await theirs.goto(lublinId, id, secondKeyFactor.slug)).toBe(200);
		const [q1, q2] = await mine.questionIds();
		const tag = unique();

		await theirs.answer(q1!, { rating: '4', evidence: `Theirs ${tag}` });
		await theirs.saveAndReturn();

		await mine.answer(q1!, { rating: '1', evidence: `Mine ${tag}` });
		await mine.answer(q2!, { rating: '2' });
		await mine.saveAndContinue();
		// No redirect: the page comes back with both versions and a notice at the top.
		expect(mine.path).toMatch(new RegExp(`/key-factors/${secondKeyFactor.slug}`));
		expect(await mine.conflictSummary().innerText()).toContain(en('assessment_conflict_title'));
		expect(await mine.title()).toMatch(/^Error: /);
		const versions = await mine.conflictVersions(q1!);
		expect(versions).toHaveLength(2);
		expect(versions[0]).toContain(en('assessment_conflict_theirs'));
		expect(versions[0]).toContain(en('scale_rating_4'));
		expect(versions[0]).toContain(`Theirs ${tag}`);
		expect(versions[1]).toContain(en('assessment_conflict_mine'));
		expect(versions[1]).toContain(en('scale_rating_1'));
		expect(versions[1]).toContain(`Mine ${tag}`);
		// The form holds the colleague's answer; the other question was saved.
		expect(await mine.checkedRating(q1!)).toBe('4');
		expect(await mine.fieldValue(`evidence-${q1}`)).toBe(`Theirs ${tag}`);
		expect(await mine.checkedRating(q2!)).toBe('2');

		// Saving again now keeps what the form holds, without another conflict.
		await mine.answer(q1!, { evidence: `Theirs ${tag}, and mine` });
		await mine.saveAndReturn();
		expect(mine.path).toBe(assessmentPath(id));
		await mine.goto(lublinId, id, secondKeyFactor.slug);
		expect(await mine.fieldValue(`evidence-${q1}`)).toBe(`Theirs ${tag}, and mine`);
		expect(await mine.checkedRating(q2!)).toBe('2');
	});

	test("another city's coordinator gets 404 on every page of Lublin's assessment", async () => {
		const lublin = await signedIn(demo.coordinatorLublin, demoPassword);
		const id = await openAssessment(lublin.page, lublinId);
		const tampere = await signedIn(demo.coordinatorTampere, demoPassword);
		const page = new BasePage(tampere.page);
		for (const path of [
			`/workspace/${lublinId}/assessments`,
			`/workspace/${lublinId}/assessments/new`,
			assessmentPath(id),
			`${assessmentPath(id)}/key-factors/${firstKeyFactor.slug}`,
			`${assessmentPath(id)}/context`,
			`${assessmentPath(id)}/check`
		]) {
			expect(await page.open(path), path).toBe(404);
			expect(await page.heading()).toBe(en('error_not_found_title'));
			expect(await tampere.page.locator('main form').count()).toBe(0);
		}
		// Nor is a wrong address an error of the server.
		const own = new BasePage(lublin.page);
		expect(await own.open(`/workspace/${lublinId}/assessments/not-an-id`)).toBe(404);
		expect(await own.open(`${assessmentPath(id)}/key-factors/no-such-key-factor`)).toBe(404);
	});

	test('a contributor answers but neither starts nor submits', async () => {
		const lublin = await signedIn(demo.coordinatorLublin, demoPassword);
		const id = await openAssessment(lublin.page, lublinId);
		const { page } = await signedIn(demo.contributorLublin, demoPassword);
		const list = new AssessmentListPage(page);
		expect(await list.goto(lublinId)).toBe(200);
		expect(await list.startButton().count()).toBe(0);
		const kf = new KeyFactorPage(page);
		expect(await kf.goto(lublinId, id, firstKeyFactor.slug)).toBe(200);
		expect(await kf.inputCount()).toBeGreaterThan(0);
		expect(await kf.open(`/workspace/${lublinId}/assessments/new`)).toBe(404);
		expect(await kf.open(`${assessmentPath(id)}/check`)).toBe(404);
		const tasks = new TaskListPage(page);
		await tasks.goto(lublinId, id);
		expect((await tasks.tasks()).map((t) => t.text)).not.toContain(en('assessment_check_title'));
	});

	test('what a person typed and chose while the page was still loading is kept', async () => {
		// On a slow phone the questions are there before the JavaScript: a person answers, then
		// the page hydrates. Hydration must not put the saved answer back over theirs.
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword, { js: true });
		const id = await openAssessment(page, lublinId);
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		// The scripts wait; the styles do not (the radios must be there to be chosen).
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		const kf = new KeyFactorPage(page);
		await page.goto(
			`/workspace/${lublinId}/assessments/${id}/key-factors/${secondKeyFactor.slug}`,
			{
				waitUntil: 'commit'
			}
		);
		await page.locator('main .question').first().waitFor();
		const [q1] = await kf.questionIds();
		const rating = (await kf.checkedRating(q1!)) === '1' ? '3' : '1';
		const evidence = `Typed before the script ${unique()}`;
		await kf.answer(q1!, { rating, evidence, links: 'https://example.org/typed-early' });
		release();
		await page.waitForLoadState('networkidle');
		expect(await kf.checkedRating(q1!)).toBe(rating);
		expect(await kf.fieldValue(`evidence-${q1}`)).toBe(evidence);
		expect(await kf.fieldValue(`links-${q1}`)).toBe('https://example.org/typed-early');
	});

	test('typed without a connection, an answer is kept on the device and saved once back', async () => {
		const { page, context } = await signedIn(demo.coordinatorLublin, demoPassword, { js: true });
		const id = await openAssessment(page, lublinId);
		const kf = new KeyFactorPage(page);
		await kf.goto(lublinId, id, secondKeyFactor.slug);
		await page.waitForLoadState('networkidle');
		const [, q2] = await kf.questionIds();

		// The connection drops while the person types: the page says so, and keeps the text.
		await context.setOffline(true);
		const first = `Typed on the train ${unique()}`;
		await kf.answer(q2!, { evidence: first });
		await page.locator('main h1').click();
		await expect
			.poll(() => kf.autosaveStatus().innerText())
			.toBe(en('assessment_autosave_offline'));

		// Back online, it is saved without anyone pressing a button.
		await context.setOffline(false);
		await expect.poll(() => kf.autosaveStatus().innerText(), { timeout: 20_000 }).toMatch(savedAt);
		await page.reload();
		await page.waitForLoadState('networkidle');
		expect(await kf.fieldValue(`evidence-${q2}`)).toBe(first);

		// Offline again, and the tab is closed before the connection comes back.
		await context.setOffline(true);
		const second = `Typed in the tunnel ${unique()}`;
		await kf.answer(q2!, { evidence: second });
		await page.locator('main h1').click();
		await expect
			.poll(() => kf.autosaveStatus().innerText())
			.toBe(en('assessment_autosave_offline'));
		await page.close();
		await context.setOffline(false);

		// The next visit from this device puts the text back and saves it.
		const again = new KeyFactorPage(await context.newPage());
		await again.goto(lublinId, id, secondKeyFactor.slug);
		await expect.poll(() => again.fieldValue(`evidence-${q2}`)).toBe(second);
		await expect.poll(() => again.autosaveStatus().innerText()).toMatch(savedAt);

		// The server has it: a colleague's browser (another device, no copy) shows it.
		const other = await signedIn(demo.contributorLublin, demoPassword);
		const colleague = new KeyFactorPage(other.page);
		await colleague.goto(lublinId, id, secondKeyFactor.slug);
		expect(await colleague.fieldValue(`evidence-${q2}`)).toBe(second);
	});

	test('with JavaScript, context notes are saved in the background too', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword, { js: true });
		const id = await openAssessment(page, lublinId);
		const context = new ContextPage(page);
		await context.open(`/workspace/${lublinId}/assessments/${id}/context`);
		await page.waitForLoadState('networkidle');
		const [first] = await context.factorIds();
		const why = `Few interpreters in the city ${unique()}`;
		await context.note(first!, { limit: 'somewhat', why });
		await page.locator('main h1').click();
		await expect.poll(() => context.autosaveStatus().innerText()).toMatch(savedAt);
		// Saved on the server: a colleague without JavaScript sees it.
		const other = await signedIn(demo.contributorLublin, demoPassword);
		const colleague = new ContextPage(other.page);
		await colleague.open(`/workspace/${lublinId}/assessments/${id}/context`);
		expect(await colleague.fieldValue(`why-${first}`)).toBe(why);
	});

	test('with JavaScript, an answer is saved in the background and stays after a reload', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword, { js: true });
		const id = await openAssessment(page, lublinId);
		const kf = new KeyFactorPage(page);
		await kf.goto(lublinId, id, secondKeyFactor.slug);
		await page.waitForLoadState('networkidle');
		const [q1] = await kf.questionIds();
		const before = Number(await kf.revision(q1!));
		const rating = (await kf.checkedRating(q1!)) === '2' ? '3' : '2';

		await kf.answer(q1!, { rating });
		await expect.poll(() => kf.autosaveStatus().innerText()).toMatch(savedAt);
		// The form now holds the new revision, so that the next save is not taken for a colleague's.
		expect(Number(await kf.revision(q1!))).toBe(before + 1);

		// A text is saved when it is left.
		const evidence = `Saved in the background ${unique()}`;
		await kf.answer(q1!, { evidence });
		await page.locator('main h1').click();
		await expect.poll(async () => Number(await kf.revision(q1!))).toBe(before + 2);
		expect(await kf.autosaveStatus().innerText()).toMatch(savedAt);

		// What cannot be saved says so, quietly.
		await kf.answer(q1!, { links: 'javascript:alert(1)' });
		await page.locator('main h1').click();
		await expect
			.poll(() => kf.autosaveStatus().innerText())
			.toBe(en('assessment_autosave_failed', { reason: en('error_links_invalid') }));

		await page.reload();
		await page.waitForLoadState('networkidle');
		expect(await kf.checkedRating(q1!)).toBe(rating);
		expect(await kf.fieldValue(`evidence-${q1}`)).toBe(evidence);
		// What could not be saved is still there (kept on this device), and still says why.
		expect(await kf.fieldValue(`links-${q1}`)).toBe('javascript:alert(1)');
		await expect
			.poll(() => kf.autosaveStatus().innerText())
			.toBe(en('assessment_autosave_failed', { reason: en('error_links_invalid') }));
		// The server never had it.
		const other = await signedIn(demo.contributorLublin, demoPassword);
		const colleague = new KeyFactorPage(other.page);
		await colleague.goto(lublinId, id, secondKeyFactor.slug);
		expect(await colleague.fieldValue(`links-${q1}`)).not.toContain('javascript:');
	});
});
