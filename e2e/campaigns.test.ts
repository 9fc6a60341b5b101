// The network admin prepares a survey campaign one topic at a time (after a few mistakes),
// checks it and sends it to two chosen cities, without JavaScript; sees it listed with its
// response rate; the coordinators' invitation is in the outbox with the link to answer.
import { describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { unique } from './support/content.ts';
import { AdminCitiesPage } from './pages/AdminPages.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import {
	CampaignCheckPage,
	CampaignListPage,
	CampaignPage,
	CampaignStepPage,
	CampaignSurveyPage
} from './pages/CampaignPages.ts';

const { signedIn } = useBrowser();

function day(offset: number): string {
	const d = new Date();
	d.setUTCDate(d.getUTCDate() + offset);
	return d.toISOString().slice(0, 10);
}

const monitoring = 'Integrating Cities Charter monitoring';

describe('survey campaigns', () => {
	test('a coordinator cannot open them', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const list = new CampaignListPage(page);
		expect(await list.goto()).toBe(403);
		expect(await list.open('/admin/campaigns/charter-monitoring-demo')).toBe(403);
	});

	test('the admin prepares a campaign, sends it to chosen cities and finds the mail in the outbox', async () => {
		const { page } = await signedIn(demo.admin, demoPassword);
		const cities = new AdminCitiesPage(page);
		await cities.goto();
		const lublinId = await cities.cityId('lublin');

		// First page: nothing chosen, then an edition the survey already has.
		const first = new CampaignSurveyPage(page);
		expect(await first.goto()).toBe(200);
		expect(await first.surveys()).toContain(monitoring);
		await first.choose({ edition: '' });
		expect(await first.title()).toBe(
			title(en('error_title_prefix', { title: en('campaign_new') }))
		);
		expect((await first.errorSummaryItems()).map((i) => i.href)).toEqual(['#surveyId', '#edition']);
		expect(await first.fieldError('surveyId')).toBe(en('campaign_error_survey_required'));
		const thisYear = String(new Date().getUTCFullYear());
		await first.choose({ survey: monitoring, edition: thisYear });
		expect(await first.fieldError('edition')).toBe(en('campaign_error_edition_taken'));
		expect(await first.fieldValue('edition')).toBe(thisYear);

		const edition = `E2E ${unique()}`;
		await first.choose({ survey: monitoring, edition });
		const campaign = new CampaignPage(page);
		const slug = campaign.slug;
		expect(slug).toMatch(/^charter-monitoring-e2e-/);
		expect(await campaign.heading()).toBe(`${monitoring} – ${edition}`);
		const tasks = await campaign.tasks();
		expect(tasks.find((t) => t.text === en('campaign_step_dates'))?.status).toBe(
			en('assessment_task_not_started')
		);

		// Who it goes to: chosen cities, none ticked, then two.
		const step = new CampaignStepPage(page);
		await step.goto(slug, 'target');
		await step.chooseCities([]);
		expect(await step.fieldError('cityIds')).toBe(en('campaign_error_no_cities'));
		await step.chooseCities(['Lublin', 'Tampere']);
		expect(campaign.slug).toBe(slug);

		// Dates in the wrong order, then in the past, then right; what was typed stays.
		await step.goto(slug, 'dates');
		await step.setDates(day(10), day(5));
		expect(await step.fieldError('closesOn')).toBe(en('campaign_error_dates_order'));
		expect(await step.fieldValue('opensOn')).toBe(day(10));
		await step.setDates(day(-3), day(-1));
		expect(await step.fieldError('opensOn')).toBe(en('campaign_error_opens_past'));
		expect(await step.fieldError('closesOn')).toBe(en('campaign_error_closes_past'));
		await step.setDates(day(0), day(14));

		await step.goto(slug, 'message');
		await step.setMessage({ en: 'Thank you for your answers.', fr: 'Merci pour vos réponses.' });

		// The check-answers page, then send.
		await campaign.goto(slug);
		expect(
			(await campaign.tasks()).every((t) => t.status === en('assessment_task_completed'))
		).toBe(true);
		await campaign.checkAndSend();
		const check = new CampaignCheckPage(page);
		const answers = await check.answers();
		expect(answers[en('campaign_field_target')]).toContain(en('campaign_target_chosen'));
		expect(answers[en('campaign_field_target')]).toContain(
			en('campaign_target_count', { count: 2 })
		);
		expect(answers[en('campaign_field_message')]).toContain('Merci pour vos réponses.');
		await check.send();
		expect(await campaign.notice()).toBe(en('campaign_done_sent'));
		expect(await campaign.responses()).toEqual([
			{ city: 'Lublin', status: en('campaign_response_not_started') },
			{ city: 'Tampere', status: en('campaign_response_not_started') }
		]);
		// The check page of a sent campaign leads back to it: it cannot be sent twice.
		await campaign.open(`/admin/campaigns/${slug}/check`);
		expect(campaign.path).toBe(`/admin/campaigns/${slug}`);

		const list = new CampaignListPage(page);
		await list.goto();
		const row = (await list.rows()).find((r) => r.href === `/admin/campaigns/${slug}`);
		expect(row).toMatchObject({
			survey: monitoring,
			edition,
			status: en('campaign_state_open'),
			responses: en('campaign_rate', { submitted: 0, targets: 2 })
		});

		// Lublin's coordinator was invited (in the language they last used here).
		const outbox = new OutboxPage(page);
		const mail = await outbox.openMail(demo.coordinatorLublin, new RegExp(edition));
		expect(OutboxPage.link(mail, /\/surveys\//)).toBe(`/workspace/${lublinId}/surveys/${slug}`);

		// The next edition starts as a draft from this one.
		await campaign.goto(slug);
		await campaign.copy();
		expect(campaign.slug).not.toBe(slug);
		expect(await campaign.notice()).toBe(en('campaign_done_copied'));
		expect(
			(await campaign.tasks()).find((t) => t.text === en('campaign_step_target'))?.status
		).toBe(en('assessment_task_completed'));
	});

	test('with JavaScript, the list of cities narrows as one types', async () => {
		const { page } = await signedIn(demo.admin, demoPassword, { js: true });
		const first = new CampaignSurveyPage(page);
		await first.goto();
		await first.choose({ survey: monitoring, edition: `Filter ${unique()}` });
		const slug = new CampaignPage(page).slug;
		const step = new CampaignStepPage(page);
		await step.goto(slug, 'target');
		await page.waitForLoadState('networkidle');
		await page.locator('main #city-filter').fill('tamp');
		const city = (name: string) => page.locator('main label', { hasText: name });
		expect(await city('Tampere').isVisible()).toBe(true);
		expect(await city('Lublin').isVisible()).toBe(false);
	});
});
