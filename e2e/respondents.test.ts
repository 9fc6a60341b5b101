// Respondents of a self-assessment: the Lublin coordinator invites an NGO and a member of city
// staff by email; each answers through the link in their mail, without an account; the
// coordinator sees each group's answers, flagged where they differ by two levels or more;
// sends one a new link (the old one then says it was replaced) and withdraws another's (it
// then says so, and saves nothing); once submitted, the links are read-only. No JavaScript
// anywhere.
import { beforeAll, describe, expect, test } from 'vitest';
import { en } from './support/messages.ts';
import { openAssessment } from './support/assessments.ts';
import { useBrowser } from './support/fixtures.ts';
import { clickAndWait, demo, demoPassword } from './support/browser.ts';
import { benchmark, unique } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { CheckPage, TaskListPage } from './pages/AssessmentPages.ts';
import { RespondPage, RespondentsPage } from './pages/RespondentPages.ts';

const { context, signedIn } = useBrowser();

let lublinId = '';

beforeAll(async () => {
	const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
	lublinId = await new BasePage(page).cityIdFromHeader('Lublin');
});

const firstKeyFactor = benchmark.keyFactors[0]!;

describe('respondents', () => {
	test('an NGO answers through its link; the coordinator sees the groups, sends a new link, withdraws one; submitted, the link is read-only', async () => {
		const coordinator = await signedIn(demo.coordinatorLublin, demoPassword);
		const id = await openAssessment(coordinator.page, lublinId);
		const tasks = new TaskListPage(coordinator.page);
		await tasks.goto(lublinId, id);
		const respondentsPath = `/workspace/${lublinId}/assessments/${id}/respondents`;
		await clickAndWait(
			coordinator.page,
			coordinator.page.locator(`main a[href="${respondentsPath}"]`)
		);
		const respondents = new RespondentsPage(coordinator.page);
		expect(respondents.path).toBe(respondentsPath);
		expect(await respondents.heading()).toBe(en('respondent_list_title'));

		// An empty invitation names each missing field.
		await respondents.invite({});
		expect(await respondents.title()).toMatch(/^Error: /);
		expect((await respondents.errorSummaryItems()).map((p) => p.href)).toEqual([
			'#name',
			'#email',
			'#group'
		]);
		expect(await respondents.fieldError('group')).toBe(en('respondent_error_group_required'));

		const tag = unique();
		const ngo = { name: `Lublin NGO ${tag}`, email: `ngo.${tag}@example.org` };
		const staff = { name: `Department champion ${tag}`, email: `staff.${tag}@example.org` };
		await respondents.invite({ ...ngo, group: 'partner_organisation' });
		expect(respondents.path).toBe(`${respondentsPath}?invited=${encodeURIComponent(ngo.email)}`);
		expect(await respondents.notice()).toBe(en('respondent_invited', { email: ngo.email }));
		await respondents.invite({ ...staff, group: 'city_staff' });
		// The same address twice is refused, what was typed kept.
		await respondents.invite({ ...ngo, group: 'migrant' });
		expect(await respondents.fieldError('email')).toBe(en('respondent_error_already_invited'));
		expect(await respondents.fieldValue('email')).toBe(ngo.email);
		const invited = await respondents.rows();
		expect(invited.find((r) => r.name.startsWith(ngo.name))).toMatchObject({
			group: en('group_partner_organisation'),
			status: en('respondent_status_invited'),
			last: en('respondent_never'),
			actions: ['resend', 'revoke']
		});

		// The links, from the outbox.
		const admin = await signedIn(demo.admin, demoPassword);
		const outbox = new OutboxPage(admin.page);
		const ngoLink = OutboxPage.link(await outbox.openMail(ngo.email, /Lublin/), /^\/respond\//);
		const staffLink = OutboxPage.link(await outbox.openMail(staff.email, /Lublin/), /^\/respond\//);

		// The NGO answers in a browser of its own, without an account.
		const ngoPage = new RespondPage(await (await context()).newPage());
		expect(await ngoPage.open(ngoLink)).toBe(200);
		expect(await ngoPage.heading()).toMatch(
			new RegExp(`^${en('respond_title', { city: 'Lublin', cycle: '' }).trim()} `)
		);
		expect(await ngoPage.referrerPolicy()).toBe('no-referrer');
		expect(await ngoPage.mainText()).toContain(en('group_partner_organisation'));
		const ngoTasks = await ngoPage.tasks();
		expect(ngoTasks.map((t) => t.text)).toEqual(
			benchmark.keyFactors.map((k) => `${k.number}. ${k.title}`)
		);
		expect(ngoTasks[0]!.status).toBe(en('assessment_task_not_started'));
		await ngoPage.open(ngoTasks[0]!.href);
		expect(await ngoPage.heading()).toBe(firstKeyFactor.title);
		// The form page cannot be "no-referrer" (its POST would carry "Origin: null").
		expect(await ngoPage.referrerPolicy()).toBe('same-origin');
		const [q1] = await ngoPage.questionIds();
		// A bad link is explained next to its field, what was typed kept.
		await ngoPage.answer(q1!, { rating: '0', evidence: `Nobody asked us ${tag}` });
		await ngoPage.page.locator(`main #links-${q1}`).fill('javascript:alert(1)');
		await ngoPage.saveAndReturn();
		expect(await ngoPage.title()).toMatch(/^Error: /);
		expect(await ngoPage.fieldError(`links-${q1}`)).toBe(en('error_links_invalid'));
		expect(await ngoPage.checkedRating(q1!)).toBe('0');
		await ngoPage.page.locator(`main #links-${q1}`).fill('');
		await ngoPage.saveAndReturn();
		expect(ngoPage.path).toBe(`${ngoLink}?saved`);
		expect(await ngoPage.notice()).toBe(en('respond_saved'));
		expect((await ngoPage.tasks())[0]!.status).toBe(en('assessment_task_in_progress'));
		// Coming back through the link shows the answer.
		await ngoPage.open(`${ngoLink}/${firstKeyFactor.slug}`);
		expect(await ngoPage.checkedRating(q1!)).toBe('0');

		// City staff see it otherwise, and do not see the NGO's answer.
		const staffPage = new RespondPage(await (await context()).newPage());
		await staffPage.open(`${staffLink}/${firstKeyFactor.slug}`);
		expect(await staffPage.checkedRating(q1!)).toBeNull();
		expect(await staffPage.mainText()).not.toContain(`Nobody asked us ${tag}`);
		await staffPage.answer(q1!, { rating: '3' });
		await staffPage.saveAndReturn();

		// The coordinator sees who answered, and each group's view, flagged.
		await respondents.goto(lublinId, id);
		const rows = await respondents.rows();
		const answeredOne = new RegExp(
			`^${en('respondent_status_answering', { answered: 1, total: '\\d+' })}$`
		);
		expect(rows.find((r) => r.name.startsWith(ngo.name))!.status).toMatch(answeredOne);
		expect(rows.find((r) => r.name.startsWith(ngo.name))!.last).not.toBe(en('respondent_never'));
		const view = await respondents.groupView(q1!);
		expect(view.flag).toContain(en('group_differ'));
		const ngoRow = view.rows.find((r) => r[0] === en('group_partner_organisation'))!;
		expect(ngoRow[2]).toContain(en('scale_rating_0'));
		const staffRow = view.rows.find((r) => r[0] === en('group_city_staff'))!;
		expect(staffRow[2]).toContain(en('scale_rating_3'));
		// Never a name next to a rating.
		const views = await coordinator.page.locator(`main #views-${q1}`).innerText();
		expect(views).not.toContain(ngo.name);
		expect(views).not.toContain(staff.name);

		// The staff member lost the mail: a new link is sent, and the old one says it was
		// replaced (without showing anything of the assessment).
		await respondents.resend(staff.name);
		expect(respondents.path).toMatch(new RegExp(`^${respondentsPath}\\?resent=`));
		expect(await respondents.notice()).toBe(en('respondent_resent_notice', { email: staff.email }));
		expect(await staffPage.open(staffLink)).toBe(410);
		expect(await staffPage.heading()).toBe(en('respond_gone_title'));
		expect(await staffPage.mainText()).toContain(en('respond_replaced'));
		expect(await staffPage.mainText()).not.toContain('Lublin');
		expect(await staffPage.open(`${staffLink}/${firstKeyFactor.slug}`)).toBe(410);
		const newStaffLink = OutboxPage.link(
			await outbox.openMail(staff.email, /Lublin/),
			/^\/respond\//
		);
		expect(newStaffLink).not.toBe(staffLink);
		expect(await staffPage.open(`${newStaffLink}/${firstKeyFactor.slug}`)).toBe(200);
		expect(await staffPage.checkedRating(q1!)).toBe('3');

		// The NGO's link is withdrawn while its questionnaire is open: saving then says the link
		// is no longer valid, and saves nothing; its answers given before still count.
		await ngoPage.open(`${ngoLink}/${firstKeyFactor.slug}`);
		await respondents.goto(lublinId, id);
		await respondents.revoke(ngo.name);
		expect(respondents.path).toMatch(new RegExp(`^${respondentsPath}\\?revoked=`));
		expect(await respondents.notice()).toBe(en('respondent_revoked_notice', { name: ngo.name }));
		const revoked = (await respondents.rows()).find((r) => r.name.startsWith(ngo.name))!;
		expect(revoked.status).toContain(en('respondent_status_revoked'));
		expect(revoked.actions).toEqual([]);
		await ngoPage.answer(q1!, { rating: '4' });
		await ngoPage.saveAndReturn();
		expect(await ngoPage.heading()).toBe(en('respond_gone_title'));
		expect(await ngoPage.mainText()).toContain(en('respond_revoked'));
		expect(await ngoPage.open(ngoLink)).toBe(410);
		const stillCounted = await respondents.groupView(q1!);
		expect(stillCounted.rows.find((r) => r[0] === en('group_partner_organisation'))![2]).toContain(
			en('scale_rating_0')
		);

		// Submitted: the link shows the answers, read-only, with a message.
		const check = new CheckPage(coordinator.page);
		await check.goto(lublinId, id);
		await check.submit();
		await staffPage.open(newStaffLink);
		expect(await staffPage.notice()).toBe(en('respond_read_only'));
		await staffPage.open(`${newStaffLink}/${firstKeyFactor.slug}`);
		expect(await staffPage.inputCount()).toBe(0);
		expect(await staffPage.mainText()).toContain(en('respond_read_only'));
		expect(await staffPage.answerText(q1!)).toContain(en('scale_rating_3'));
		// Nor can anyone else be invited now, nor a new link sent (a link may still be withdrawn).
		await respondents.goto(lublinId, id);
		expect(await respondents.inviteForm().count()).toBe(0);
		const afterSubmit = (await respondents.rows()).find((r) => r.name.startsWith(staff.name))!;
		expect(afterSubmit.actions).toEqual(['revoke']);
	});

	test('with JavaScript, a respondent’s answer is saved as they go', async () => {
		const coordinator = await signedIn(demo.coordinatorLublin, demoPassword);
		const id = await openAssessment(coordinator.page, lublinId);
		const respondents = new RespondentsPage(coordinator.page);
		await respondents.goto(lublinId, id);
		const tag = unique();
		const person = { name: `Migrant association ${tag}`, email: `assoc.${tag}@example.org` };
		await respondents.invite({ ...person, group: 'migrant' });
		const admin = await signedIn(demo.admin, demoPassword);
		const link = OutboxPage.link(
			await new OutboxPage(admin.page).openMail(person.email, /Lublin/),
			/^\/respond\//
		);

		const page = await (await context({ js: true })).newPage();
		const respond = new RespondPage(page);
		await respond.open(`${link}/${firstKeyFactor.slug}`);
		await page.waitForLoadState('networkidle');
		const [q1] = await respond.questionIds();
		const evidence = `Our members were not asked ${tag}`;
		await respond.answer(q1!, { rating: '1', evidence });
		await page.locator('main h1').click();
		await expect
			.poll(() => respond.autosaveStatus().innerText())
			.toMatch(
				new RegExp(
					`^${en('assessment_autosave_saved', { time: 'TIME' }).replace('TIME', '\\d{2}:\\d{2}')}$`
				)
			);
		// Without pressing a button, the answer is theirs on the server: the page shows it again.
		const again = new RespondPage(await (await context()).newPage());
		await again.open(`${link}/${firstKeyFactor.slug}`);
		expect(await again.fieldValue(`evidence-${q1}`)).toBe(evidence);
	});

	test('a wrong link, and another city, find nothing', async () => {
		const anonymous = new BasePage(await (await context()).newPage());
		expect(await anonymous.open('/respond/not-a-real-token')).toBe(404);
		expect(await anonymous.open(`/respond/not-a-real-token/${firstKeyFactor.slug}`)).toBe(404);

		const lublin = await signedIn(demo.coordinatorLublin, demoPassword);
		const id = await openAssessment(lublin.page, lublinId);
		const tampere = await signedIn(demo.coordinatorTampere, demoPassword);
		const page = new BasePage(tampere.page);
		expect(await page.open(`/workspace/${lublinId}/assessments/${id}/respondents`)).toBe(404);
		const contributor = await signedIn(demo.contributorLublin, demoPassword);
		expect(
			await new BasePage(contributor.page).open(
				`/workspace/${lublinId}/assessments/${id}/respondents`
			)
		).toBe(404);
	});
});
