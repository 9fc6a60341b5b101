// City-to-city mentoring as a visitor finds it: Lublin's page names the engagement with
// Tampere (seed 000), whose public summary says who mentored whom, on what, when. No JavaScript.
import { describe, expect, test } from 'vitest';
import { en } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { cityName, unique } from './support/content.ts';
import { CityPage, EngagementSummaryPage } from './pages/CitiesPage.ts';
import { BasePage } from './pages/BasePage.ts';
import {
	AdminEngagementsPage,
	DeclineEngagementPage,
	EngagementListPage,
	EngagementPage,
	EngagementPartPage,
	ProposeEngagementPage,
	SetUpEngagementPage,
	VisitFormPage
} from './pages/EngagementPages.ts';

const { context, signedIn } = useBrowser();
const theme = 'enhancing-public-perception';

/** A signed-in page and the id of the person's city (from the header). */
async function cityPerson(email: string, city: string) {
	const { page } = await signedIn(email, demoPassword);
	return { page, cityId: await new BasePage(page).cityIdFromHeader(city) };
}

describe('mentoring engagements in public', () => {
	test("Lublin's page leads to Tampere mentoring Lublin", async () => {
		const page = await (await context()).newPage();
		const lublin = new CityPage(page);
		expect(await lublin.goto('lublin')).toBe(200);
		const engagements = await lublin.engagements();
		// Other journeys (run before or after this one) add engagements of their own.
		expect(engagements).toContainEqual({
			title: 'Tampere mentoring Lublin',
			href: '/engagements/tampere-mentoring-lublin',
			about: `(${en('city_engagement_as_implementing', { city: 'Tampere' })}, 2012–2014; ${en('engagement_status_closed')})`
		});
		const tampere = new CityPage(page);
		await tampere.goto('tampere');
		expect((await tampere.engagements()).map((e) => e.about)).toContain(
			`(${en('city_engagement_as_mentor', { city: 'Lublin' })}, 2012–2014; ${en('engagement_status_closed')})`
		);

		const summary = new EngagementSummaryPage(page);
		expect(await summary.goto('tampere-mentoring-lublin')).toBe(200);
		expect(await summary.heading()).toBe('Tampere mentoring Lublin');
		expect(await summary.facts()).toEqual({
			[en('engagement_mentor_city')]: 'Tampere',
			[en('engagement_implementing_city')]: 'Lublin',
			[en('engagement_theme')]: 'Enhancing public perception on migration and diversity',
			[en('engagement_period')]: '2012–2014',
			[en('engagement_status')]: en('engagement_status_closed')
		});
		const text = await summary.mainText();
		expect(text).toContain(
			'Implementation and follow-up in Lublin from September 2013 to May 2014 and beyond'
		);
		// Lublin's planned actions and the results with their dates (seed 000).
		expect(text).toContain(en('engagement_public_actions', { city: 'Lublin' }));
		expect(text).toContain(
			'Collaborate with the journalism schools to increase the number of positive migration stories'
		);
		expect(text).toContain('MIGRANT REPRESENTATIVE BODY: First meeting on 12 February 2014');
		expect(text).toContain('June–October 2014');
		expect(await page.locator('main ol.public-actions li').count()).toBe(8);
		// Anything else is not found.
		expect(await summary.goto('no-such-engagement')).toBe(404);
	});
});

describe('mentoring engagements in the workspace', () => {
	test("Lublin proposes, Tampere accepts; both write the engagement; Tampere's people are its mentors", async () => {
		const lublin = await cityPerson(demo.coordinatorLublin, 'Lublin');
		const tampere = await cityPerson(demo.coordinatorTampere, 'Tampere');
		const title = `Tampere mentoring Lublin again ${unique()}`;

		// The form explains what is missing, and keeps what was typed.
		const propose = new ProposeEngagementPage(lublin.page);
		expect(await propose.goto(lublin.cityId)).toBe(200);
		await propose.propose({ otherCity: '', as: '', theme: '', title, periodFrom: '2026-13' });
		expect(await propose.title()).toMatch(/^Error: /);
		expect((await propose.errorSummaryItems()).map((i) => i.href)).toEqual([
			'#themeSlug',
			'#periodFrom',
			'#otherCityId',
			'#as'
		]);
		expect(await propose.fieldValue('title')).toBe(title);
		await propose.propose({
			otherCity: 'Tampere',
			as: 'implementing',
			theme,
			title,
			periodFrom: '2026',
			periodTo: '2027-06',
			summary: 'Lublin asks Tampere to mentor it again.'
		});
		const lublinView = new EngagementPage(lublin.page);
		expect(await lublinView.notice()).toBe(en('engagement_proposed_notice'));
		const id = lublinView.engagementId;
		expect(await lublinView.canRespond()).toBe(0);

		// Tampere finds it waiting for its answer and accepts.
		const list = new EngagementListPage(tampere.page);
		await list.goto(tampere.cityId);
		expect((await list.rows()).find((r) => r.title === title)).toEqual({
			title,
			href: `/workspace/${tampere.cityId}/engagements/${id}`,
			role: en('city_engagement_as_mentor', { city: 'Lublin' }),
			status: `${en('engagement_status_proposed')} ${en('engagement_awaiting_you')}`
		});
		const tampereView = new EngagementPage(tampere.page);
		await tampereView.goto(tampere.cityId, id);
		await tampereView.accept();
		expect((await tampereView.facts())[en('engagement_status')]).toBe(
			en('engagement_status_active')
		);
		expect(await tampereView.mainText()).toContain(
			en('engagement_you_mentor', { mentor: 'Tampere', implementing: 'Lublin' })
		);
		expect(await tampereView.planLink()).toBe(
			`/workspace/${tampere.cityId}/engagements/${id}/plan`
		);
		// As mentors they are linked to what Lublin shared, never to its drafts.
		for (const a of await tampereView.sharedAssessments()) {
			expect(a.href).toMatch(
				new RegExp(`^/workspace/${tampere.cityId}/engagements/${id}/assessments/`)
			);
			expect(await new BasePage(tampere.page).open(a.href)).toBe(200);
			await tampereView.goto(tampere.cityId, id);
		}

		// Lublin writes its needs; Tampere adds the visit.
		await lublinView.goto(lublin.cityId, id);
		await lublinView.editPart('needs');
		const part = new EngagementPartPage(lublin.page);
		await part.save('- Market itself as a hub of international talent and skill');
		expect(await lublinView.notice()).toBe(en('engagement_part_saved_notice'));
		expect(await lublinView.partText('needs')).toBe(
			'Market itself as a hub of international talent and skill'
		);
		await tampereView.goto(tampere.cityId, id);
		await tampereView.openAddVisit();
		const visit = new VisitFormPage(tampere.page);
		await visit.add({ visitedOn: '2026-02-30', place: '' });
		expect((await visit.errorSummaryItems()).map((i) => i.href)).toEqual(['#visitedOn', '#place']);
		await visit.add({
			visitedOn: '2026-09-15',
			place: 'Lublin',
			visitors: 'Tampere',
			met: 'Lublin city office',
			topics: 'Positive narrative'
		});
		expect(await tampereView.notice()).toBe(en('visit_added_notice'));
		expect(await tampereView.visits()).toEqual([
			{
				heading: en('visit_title', { number: 1, place: 'Lublin' }),
				details: {
					[en('visit_date')]: '15 September 2026',
					[en('visit_visitors')]: 'Tampere',
					[en('visit_met')]: 'Lublin city office',
					[en('visit_topics')]: 'Positive narrative'
				}
			}
		]);

		// Two people on one part: the later save is refused, both texts on the page.
		const first = new EngagementPartPage(lublin.page);
		const second = new EngagementPartPage(tampere.page);
		await first.goto(lublin.cityId, id, 'ambition');
		await second.goto(tampere.cityId, id, 'ambition');
		await first.save('Branding the city as an open place');
		await second.save('Promote a positive narrative');
		expect(await second.conflictText()).toBe('Branding the city as an open place');
		expect(await second.text()).toBe('Promote a positive narrative');
		await second.save('Promote a positive narrative');
		expect(await tampereView.partText('ambition')).toBe('Promote a positive narrative');

		// Moved on to follow-up by either coordinator.
		await tampereView.moveOn(en('engagement_move_follow_up'));
		expect((await tampereView.facts())[en('engagement_status')]).toBe(
			en('engagement_status_follow_up')
		);

		// Under another city's workspace, or from another city, the engagement does not exist.
		expect(
			await new BasePage(tampere.page).open(`/workspace/${lublin.cityId}/engagements/${id}`)
		).toBe(404);
		const ngo = await signedIn(demo.ngoLublin, demoPassword);
		expect(await new BasePage(ngo.page).open(`/workspace/${lublin.cityId}/engagements/${id}`)).toBe(
			404
		);
	});

	test('a declined proposal keeps its reason', async () => {
		const lublin = await cityPerson(demo.coordinatorLublin, 'Lublin');
		const tampere = await cityPerson(demo.coordinatorTampere, 'Tampere');
		const title = `Tampere offers mentoring ${unique()}`;
		const propose = new ProposeEngagementPage(tampere.page);
		await propose.goto(tampere.cityId);
		await propose.propose({ otherCity: 'Lublin', as: 'mentor', theme, title, periodFrom: '2027' });
		const id = new EngagementPage(tampere.page).engagementId;

		const view = new EngagementPage(lublin.page);
		await view.goto(lublin.cityId, id);
		await view.openDecline();
		const decline = new DeclineEngagementPage(lublin.page);
		await decline.decline('');
		expect(await decline.fieldError('reason')).toBe(en('error_engagement_reason_required'));
		await decline.decline('Not this year: our team is busy with the strategy.');
		const facts = await view.facts();
		expect(facts[en('engagement_status')]).toBe(en('engagement_status_declined'));
		expect(facts[en('engagement_decline_reason')]).toBe(
			'Not this year: our team is busy with the strategy.'
		);
		const theirs = new EngagementPage(tampere.page);
		await theirs.goto(tampere.cityId, id);
		expect((await theirs.facts())[en('engagement_decline_reason')]).toBe(
			'Not this year: our team is busy with the strategy.'
		);
	});

	test('a network admin sets one up between two cities, active at once', async () => {
		const { page } = await signedIn(demo.admin, demoPassword);
		const title = `Düsseldorf mentoring Lublin ${unique()}`;
		const admin = new AdminEngagementsPage(page);
		expect(await admin.goto()).toBe(200);
		const setUp = new SetUpEngagementPage(page);
		await setUp.goto();
		await setUp.setUp({ mentor: 'Lublin', implementing: 'Lublin', theme, title });
		expect(await setUp.fieldError('implementingCityId')).toBe(en('error_engagement_same_city'));
		await setUp.setUp({
			mentor: cityName('dusseldorf'),
			implementing: 'Lublin',
			theme,
			title,
			periodFrom: '2026-09'
		});
		expect(await admin.notice()).toBe(en('engagement_admin_created', { title }));
		const link = (await admin.titles()).find((l) => l.text === title)!;
		const view = new EngagementPage(page);
		expect(await view.open(link.href)).toBe(200);
		expect((await view.facts())[en('engagement_status')]).toBe(en('engagement_status_active'));

		// Tampere is not part of it: under Tampere's workspace it does not exist.
		const tampere = await cityPerson(demo.coordinatorTampere, 'Tampere');
		expect(
			await new BasePage(tampere.page).open(
				`/workspace/${tampere.cityId}/engagements/${view.engagementId}`
			)
		).toBe(404);
	});
});
