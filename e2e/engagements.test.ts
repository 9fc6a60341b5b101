// City-to-city mentoring as a visitor finds it: Lublin's page names the engagement with
// Tampere (seed 000), whose public summary says who mentored whom, on what, when. No JavaScript.
import { describe, expect, test } from 'vitest';
import { en } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { CityPage, EngagementSummaryPage } from './pages/CitiesPage.ts';

const { context } = useBrowser();

describe('mentoring engagements in public', () => {
	test("Lublin's page leads to Tampere mentoring Lublin", async () => {
		const page = await (await context()).newPage();
		const lublin = new CityPage(page);
		expect(await lublin.goto('lublin')).toBe(200);
		const engagements = await lublin.engagements();
		expect(engagements).toEqual([
			{
				title: 'Tampere mentoring Lublin',
				href: '/engagements/tampere-mentoring-lublin',
				about: `(${en('city_engagement_as_implementing', { city: 'Tampere' })}, 2012–2014; ${en('engagement_status_closed')})`
			}
		]);
		const tampere = new CityPage(page);
		await tampere.goto('tampere');
		expect((await tampere.engagements()).map((e) => e.about)).toEqual([
			`(${en('city_engagement_as_mentor', { city: 'Lublin' })}, 2012–2014; ${en('engagement_status_closed')})`
		]);

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
		expect(await summary.mainText()).toContain(
			'Implementation and follow-up in Lublin from September 2013 to May 2014 and beyond'
		);
		// Anything else is not found.
		expect(await summary.goto('no-such-engagement')).toBe(404);
	});
});
