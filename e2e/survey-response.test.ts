// Lublin answers the demo's open Charter monitoring campaign: the coordinator sees it among
// the city's surveys, hands a section to a contributor (who is mailed), answers section by
// section (the example question appears after "yes"), meets bad input explained with nothing
// lost, reviews everything on the check page, submits, and asks the network to reopen. With
// JavaScript, the contributor's answers save as they go and show-if works without a reload.
import { beforeAll, describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { BasePage } from './pages/BasePage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import {
	CampaignPage,
	CheckPage,
	SectionPage,
	SurveyListPage,
	SurveyPreviewPage
} from './pages/SurveyPages.ts';

const { signedIn } = useBrowser();
const SLUG = 'charter-monitoring-demo';
const TITLE = 'Integrating Cities Charter monitoring';

let lublinId = '';

beforeAll(async () => {
	const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
	lublinId = await new BasePage(page).cityIdFromHeader('Lublin');
});

describe('a city answers a survey', () => {
	test('with JavaScript, answers save as they go and the example appears after "yes"', async () => {
		const { page } = await signedIn(demo.contributorLublin, demoPassword, { js: true });
		const section = new SectionPage(page);
		expect(await section.goto(lublinId, SLUG, 'service-providers')).toBe(200);
		expect(await section.isShown('equal-access-to-services-example')).toBe(false);
		await section.commit('equal-access-to-services', 'equal-access-to-services', 'yes');
		// Shown at once, without a reload, and saved in the background.
		await section.question('equal-access-to-services-example').waitFor({ state: 'visible' });
		await expect.poll(() => section.autosaveStatus().innerText()).toMatch(/^Saved/);
		await section.type('equal-access-to-services-example', 'One desk for all residents, 2025.');
		await section.page.locator('main h1').click();
		await expect
			.poll(() => section.autosaveStatus().innerText(), { timeout: 10_000 })
			.toMatch(/^Saved/);

		// An answer that does not validate is not saved; what is typed stays, and the line says why.
		await section.type('equal-access-to-services-example', 'x'.repeat(10_001));
		await section.page.locator('main h1').click();
		await expect
			.poll(() => section.autosaveStatus().innerText(), { timeout: 10_000 })
			.toContain(en('sr_error_text_too_long', { max: 10000, count: 10001 }));
		expect((await section.value('equal-access-to-services-example')).length).toBe(10_001);

		// A new visit shows what the server has: the last good answer.
		await page.evaluate(() => localStorage.clear());
		await section.goto(lublinId, SLUG, 'service-providers');
		expect(
			await section.checked('answer-equal-access-to-services/equal-access-to-services', 'yes')
		).toBe(true);
		expect(await section.value('equal-access-to-services-example')).toBe(
			'One desk for all residents, 2025.'
		);
		// "No" hides the example again.
		await section.commit('equal-access-to-services', 'equal-access-to-services', 'no');
		await section.question('equal-access-to-services-example').waitFor({ state: 'hidden' });
	});

	test('the coordinator hands a section over, answers, checks and submits (no JavaScript)', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const workspace = new BasePage(page);
		await workspace.open(`/workspace/${lublinId}`);
		expect(await workspace.mainText()).toContain(en('sr_workspace_body'));

		const list = new SurveyListPage(page);
		expect(await list.goto(lublinId)).toBe(200);
		const listed = await list.campaigns();
		expect(listed).toContainEqual({
			text: expect.stringContaining(TITLE),
			href: `/workspace/${lublinId}/surveys/${SLUG}`
		});

		const campaign = new CampaignPage(page);
		await campaign.goto(lublinId, SLUG);
		expect((await campaign.tasks()).map((t) => t.text)).toEqual([
			'As policy-makers',
			'As service providers',
			'As employers',
			'As buyers of goods and services'
		]);

		// Hand "As employers" to the contributor: a mail in the outbox links to the section.
		await campaign.handTo('employers', /Lublin Contributor/);
		expect(await campaign.notice()).toBe(en('sr_handed_notice'));
		const employers = (await campaign.tasks()).find((t) => t.text === 'As employers');
		expect(employers?.hint).toBe(en('sr_handed_to', { name: 'Lublin Contributor (demo)' }));
		const admin = await signedIn(demo.admin, demoPassword);
		const mail = await new OutboxPage(admin.page).openMail(
			demo.contributorLublin,
			new RegExp(TITLE)
		);
		expect(mail).toContain(`/workspace/${lublinId}/surveys/${SLUG}/employers`);

		// Show-if without JavaScript: after saving "yes", the page comes back with the example.
		await campaign.openSection('As policy-makers');
		const section = new SectionPage(page);
		expect(await section.isShown('communicate-commitment-example')).toBe(false);
		await section.commit('communicate-commitment', 'communicate-commitment', 'yes');
		await section.saveAndContinue();
		expect(section.path).toBe(`/workspace/${lublinId}/surveys/${SLUG}/policy-makers?revealed=1`);
		expect(await section.isShown('communicate-commitment-example')).toBe(true);
		expect(await section.notice()).toBe(en('sr_revealed_notice'));

		// Bad input: an over-long text, a choice the survey does not have, a question it no
		// longer has. Messages, nothing lost.
		await section.type('communicate-commitment-example', 'y'.repeat(10_001));
		await section.forgeRadio(
			'answer-equal-access-non-discrimination/equal-access-non-discrimination',
			'no',
			'maybe'
		);
		await section.commit(
			'migrant-engagement-in-policy-making',
			'migrant-engagement-in-policy-making',
			'no'
		);
		await section.saveAndContinue();
		const year = new Date().getUTCFullYear();
		expect(await section.title()).toBe(
			title(en('error_title_prefix', { title: `As policy-makers – ${TITLE} ${year}` }))
		);
		expect(await section.errorSummaryItems()).toEqual([
			{
				text: en('sr_error_text_too_long', { max: 10000, count: 10001 }),
				href: '#answer-communicate-commitment-example'
			},
			{
				text: en('sr_error_choice'),
				href: '#answer-equal-access-non-discrimination/equal-access-non-discrimination'
			}
		]);
		expect((await section.value('communicate-commitment-example')).length).toBe(10_001);
		expect(await section.errorOf('answer-communicate-commitment-example')).toBe(
			en('sr_error_text_too_long', { max: 10000, count: 10001 })
		);
		// What validated was saved all the same.
		await section.goto(lublinId, SLUG, 'policy-makers');
		expect(
			await section.checked(
				'answer-migrant-engagement-in-policy-making/migrant-engagement-in-policy-making',
				'no'
			)
		).toBe(true);

		await section.type(
			'communicate-commitment-example',
			'A campaign "Lublin for all", 2025: 40 events.'
		);
		await section.commit(
			'equal-access-non-discrimination',
			'equal-access-non-discrimination',
			'partly'
		);
		await section.addField('answer-retired-question', 'an answer to an old version');
		await section.saveAndContinue();
		expect(await section.notice()).toBe(en('sr_unknown_question'));
		await section.goto(lublinId, SLUG, 'policy-makers');
		expect(await section.value('communicate-commitment-example')).toBe(
			'A campaign "Lublin for all", 2025: 40 events.'
		);
		await section.markCompleted();
		await section.saveAndContinue();
		expect(section.path).toBe(`/workspace/${lublinId}/surveys/${SLUG}/service-providers`);

		// Submitting before everything required is answered: each question listed and linked.
		const check = new CheckPage(page);
		await check.goto(lublinId, SLUG);
		const missing = await check.missing();
		expect(missing.length).toBeGreaterThan(0);
		await check.submit();
		const items = await check.errorSummaryItems();
		expect(items.length).toBe(missing.length);
		expect(items[0]!.href).toMatch(/^#check-/);
		expect(await check.title()).toMatch(/^Error: /);

		// The other sections: every commitment answered "no".
		for (const key of ['service-providers', 'employers', 'buyers']) {
			await section.goto(lublinId, SLUG, key);
			await section.commitAll('no');
			await section.saveAndContinue();
		}
		await check.goto(lublinId, SLUG);
		expect(await check.missing()).toEqual([]);
		const answers = await check.answers();
		expect(answers).toContainEqual({
			question: expect.stringContaining('Actively communicate'),
			answer: expect.stringContaining(en('sr_commitment_yes'))
		});
		// The example of an answer now "no" is not part of what is submitted.
		expect(
			answers.some(
				(a) => a.question.startsWith('What has the city done') && a.answer.includes('One desk')
			)
		).toBe(false);
		await check.submit();
		expect(await check.heading()).toBe(en('sr_confirmation_title'));

		// Read-only afterwards; the coordinator can ask the network to reopen, saying why.
		await section.goto(lublinId, SLUG, 'policy-makers');
		expect(await section.isReadOnly()).toBe(true);
		await check.goto(lublinId, SLUG);
		expect(await check.submitButton().count()).toBe(0);
		await check.askToReopen('');
		expect(await check.errorSummaryItems()).toEqual([
			{ text: en('sr_error_reopen_reason'), href: '#reason' }
		]);
		await check.askToReopen('The answer on procurement was wrong.');
		expect(await check.notice()).toContain(en('sr_reopen_asked'));
		expect(await check.mainText()).toContain('The answer on procurement was wrong.');

		const listAfter = await list.goto(lublinId).then(() => list.mainText());
		expect(listAfter).toContain(en('sr_status_submitted'));
	});

	test("another city and a stakeholder cannot open Lublin's survey; the admin previews the version", async () => {
		const tampere = await signedIn(demo.coordinatorTampere, demoPassword);
		expect(await new CampaignPage(tampere.page).goto(lublinId, SLUG)).toBe(404);
		const ngo = await signedIn(demo.ngoLublin, demoPassword);
		expect(await new CampaignPage(ngo.page).goto(lublinId, SLUG)).toBe(404);

		const admin = await signedIn(demo.admin, demoPassword);
		const preview = new SurveyPreviewPage(admin.page);
		expect(await preview.goto('charter-monitoring', 1, 'fr')).toBe(200);
		expect(await preview.mainText()).toContain('Suivi de la Charte des villes intégratrices');
		expect((await preview.showIfNotes())[0]).toContain(en('sr_commitment_yes'));
		expect(await preview.page.locator('main form[method="POST"]').count()).toBe(0);
		expect(await preview.goto('charter-monitoring', 99)).toBe(404);
		expect(await new SurveyPreviewPage(tampere.page).goto('charter-monitoring', 1)).toBe(403);
	});
});
