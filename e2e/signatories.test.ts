// The network admin records a city's signature of the Charter (a day in the future and a
// city that already signed are refused first); the public Charter page then lists it and its
// count over time includes it; the dashboard shows the network's figures, each link working.
import { describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { unique } from './support/content.ts';
import { NewCityPage } from './pages/AdminPages.ts';
import { CharterPage } from './pages/CharterPage.ts';
import { CityMapPage } from './pages/CityMapPage.ts';
import { AdminSignatoriesPage, DashboardPage, SignatureFormPage } from './pages/SignatoryPages.ts';

const { context, signedIn } = useBrowser();

/** "7–8 November 2018" as the browser's English (en-GB) writes a range of days. */
const conferenceDays = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'long',
	timeZone: 'UTC'
}).formatRange(new Date('2018-11-07T12:00:00Z'), new Date('2018-11-08T12:00:00Z'));

describe('recording a signature of the Charter', () => {
	test('refused for a future day and a city that signed, then recorded and shown', async () => {
		const { page } = await signedIn(demo.admin, demoPassword);
		// A city of its own, so that no other journey's data meets this one.
		const city = `Signatown ${unique()}`;
		const newCity = new NewCityPage(page);
		await newCity.goto();
		await newCity.create({ name: city, country: 'PT', latitude: '41.15', longitude: '-8.61' });
		expect(newCity.path).toMatch(/^\/admin\/cities\?created=/);

		const form = new SignatureFormPage(page);
		expect(await form.goto()).toBe(200);
		expect(await form.heading()).toBe(en('signatory_record_title'));
		const options = await form.cityOptions();
		expect(options).toContain(city);
		expect(options).toContain(en('signatory_city_signed_option', { city: 'Turin' }));

		// A day in the future: refused, everything typed kept.
		const nextYear = new Date().getUTCFullYear() + 1;
		await form.submit({
			city,
			signedOn: `${nextYear}-03-01`,
			place: 'Porto',
			signedBy: 'The Mayor'
		});
		expect(form.path).toBe('/admin/charter/new');
		expect(await form.title()).toBe(
			title(en('error_title_prefix', { title: en('signatory_record_title') }))
		);
		expect(await form.errorSummaryItems()).toEqual([
			{ text: en('signatory_error_date_future'), href: '#signedOn' }
		]);
		expect(await form.fieldError('signedOn')).toBe(en('signatory_error_date_future'));
		expect(await form.fieldValue('place')).toBe('Porto');
		expect(await form.fieldValue('signedBy')).toBe('The Mayor');

		// A city that already signed (the seeds' Turin): refused with its message.
		await form.submit({
			city: en('signatory_city_signed_option', { city: 'Turin' }),
			signedOn: '2024-03-15'
		});
		expect(await form.errorSummaryItems()).toEqual([
			{ text: en('signatory_error_already_signed'), href: '#cityId' }
		]);

		await form.submit({
			city,
			signedOn: '2024-03-15',
			place: 'Porto',
			signedBy: 'The Mayor',
			source: 'Letter to the network'
		});
		const list = new AdminSignatoriesPage(page);
		expect(list.path).toMatch(/^\/admin\/charter\?done=recorded/);
		expect(await list.notice()).toBe(en('signatory_recorded_notice', { city }));
		const row = (await list.rows()).find((r) => r[0] === city);
		expect(row?.slice(0, 4)).toEqual([city, '15 March 2024', 'Porto', 'The Mayor']);
		// The seeds' signatures are not edited here; they read as known from the sources.
		expect((await list.rows()).find((r) => r[0] === 'Turin')?.[4]).toBe(
			en('signatory_from_sources')
		);

		// Correcting it: who signed.
		const edit = new SignatureFormPage(page);
		await edit.goto(await list.editHref(city));
		expect(await edit.heading()).toBe(en('signatory_edit_title', { city }));
		expect(await edit.fieldValue('signedOn')).toBe('2024-03-15');
		await edit.submit({ signedBy: 'Mayor Ana Silva' });
		expect(await list.notice()).toBe(en('signatory_updated_notice', { city }));

		// The public Charter page, as a visitor reads it.
		const visitor = await (await context()).newPage();
		const charter = new CharterPage(visitor);
		expect(await charter.goto()).toBe(200);
		expect(await charter.signatories()).toContain(city);
		const listed = (await charter.signatoryRows()).find((r) => r[0] === city);
		expect(listed).toEqual([city, '15 March 2024', 'Porto', 'Mayor Ana Silva']);
		const turin = (await charter.signatoryRows()).find((r) => r[0] === 'Turin');
		expect(turin?.[1]).toBe(
			en('signatory_at_conference', { place: 'Milan', dates: conferenceDays })
		);
		expect(turin?.[3]).toBe(en('charter_date_unknown'));

		// The count over time: the seeds' statements, then this signature after them.
		const points = await charter.chartRows();
		expect(points[0]?.slice(0, 2)).toEqual(['2014', '33']);
		expect(points[1]?.slice(0, 2)).toEqual(['November 2018', '39']);
		const ours = points.find((p) => p[0] === '15 March 2024');
		expect(ours?.[2]).toContain(city);
		expect(Number(ours?.[1])).toBeGreaterThanOrEqual(40);
		expect(await charter.chartLabel()).toContain(`15 March 2024: ${ours?.[1]}`);

		// The map of cities, coloured by signature, shows it as a signatory.
		expect(await charter.mapLink()).toBe('/cities?colour=charter');
		const map = new CityMapPage(visitor);
		expect(await map.goto('charter')).toBe(200);
		const marker = (await map.markers()).find((mk) => mk.title.startsWith(city));
		expect(marker?.band).toBe('yes');
	});

	test('only the network admin may record one', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const form = new SignatureFormPage(page);
		expect(await form.goto()).toBe(403);
		expect(await form.open('/admin/charter')).toBe(403);
	});
});

describe('the network dashboard', () => {
	test('shows the figures, each leading to its list', async () => {
		const { page } = await signedIn(demo.admin, demoPassword);
		const dashboard = new DashboardPage(page);
		expect(await dashboard.goto()).toBe(200);
		expect(await dashboard.heading()).toBe(en('dashboard_title'));
		const figures = await dashboard.figures();
		expect(figures.map((f) => f.heading)).toEqual([
			en('dashboard_signatories_heading'),
			en('dashboard_cities_heading'),
			en('dashboard_practices_heading'),
			en('dashboard_engagements_heading'),
			en('dashboard_assessments_heading'),
			en('dashboard_campaigns_heading')
		]);
		const figure = (heading: string) => figures.find((f) => f.heading === en(heading))!;
		expect(figure('dashboard_signatories_heading').number).toBeGreaterThanOrEqual(39);
		expect(figure('dashboard_cities_heading').number).toBeGreaterThanOrEqual(33);
		expect(figure('dashboard_practices_heading').number).toBeGreaterThan(0);
		// The demo's open Charter monitoring campaign, with its responses of all member cities.
		const campaigns = figure('dashboard_campaigns_heading');
		expect(campaigns.number).toBeGreaterThanOrEqual(1);
		expect(campaigns.links.map((l) => l.href)).toContain(
			'/admin/campaigns/charter-monitoring-demo'
		);
		expect(campaigns.links.map((l) => l.href)).toContain('/admin/campaigns');

		// Every figure's own links open their list (the surveys' pages come with their branch).
		const hrefs = [...new Set(figures.flatMap((f) => f.links.map((l) => l.href)))].filter(
			(href) => !href.startsWith('/admin/campaigns')
		);
		expect(hrefs).toEqual(
			expect.arrayContaining([
				'/admin/charter',
				'/admin/cities',
				'/admin/practices',
				'/admin/engagements',
				'/admin/assessments'
			])
		);
		for (const href of hrefs) {
			expect(await dashboard.open(href), href).toBe(200);
		}

		await dashboard.goto();
		expect((await dashboard.areas()).map((a) => a.href)).toEqual([
			'/admin/cities',
			'/admin/charter',
			'/admin/surveys',
			'/admin/campaigns',
			'/admin/assessments',
			'/admin/practices',
			'/admin/engagements',
			'/admin/outbox',
			'/admin/audit'
		]);
	});
});
