// The network admin adds a city (after a few mistakes) and appoints its coordinator by
// inviting them from the city's members page; the coordinator joins. No JavaScript.
import { describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { clickAndWait, demo, demoPassword } from './support/browser.ts';
import { unique } from './support/content.ts';
import { AdminCitiesPage, NewCityPage } from './pages/AdminPages.ts';
import { CityPage } from './pages/CitiesPage.ts';
import { InvitePage } from './pages/InvitePage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { InvitationPage } from './pages/InvitationPage.ts';
import { AccountPage } from './pages/AccountPage.ts';

const { context, signedIn } = useBrowser();

describe('the network admin adds a city', () => {
	test('an empty form and impossible numbers are explained, what was typed kept', async () => {
		const { page } = await signedIn(demo.admin, demoPassword);
		const form = new NewCityPage(page);
		expect(await form.goto()).toBe(200);
		expect(await form.heading()).toBe(en('admin_city_new'));

		await form.create({});
		expect(await form.title()).toBe(
			title(en('error_title_prefix', { title: en('admin_city_new') }))
		);
		const problems = await form.errorSummaryItems();
		expect(problems.map((p) => p.href)).toEqual(['#name', '#country']);
		// An empty country is told the format straight away; either message is clear.
		expect([en('error_country_required'), en('error_country_invalid')]).toContain(
			problems[1]!.text
		);
		// (The name's message is the one for one's own name, "Enter your full name": reported.)
		expect(await form.fieldError('name')).toBe(problems[0]!.text);

		await form.create({
			name: 'Nowhere',
			country: 'PL',
			population: 'many',
			latitude: '91',
			longitude: 'east'
		});
		expect(await form.title()).toMatch(/^Error: /);
		expect(await form.fieldError('population')).toBe(en('error_number_invalid'));
		expect(await form.fieldError('latitude')).toBe(en('error_number_out_of_range'));
		expect(await form.fieldError('longitude')).toBe(en('error_number_invalid'));
		expect(await form.fieldError('name')).toBeNull();
		expect(await form.fieldError('country')).toBeNull();
		expect(await form.fieldValue('name')).toBe('Nowhere');
		expect(await form.fieldValue('population')).toBe('many');
		expect(await form.fieldValue('longitude')).toBe('east');
	});

	test('a country typed as its name ("Poland") is explained, not cut to "PO"', async () => {
		const { page } = await signedIn(demo.admin, demoPassword);
		const form = new NewCityPage(page);
		await form.goto();
		const name = `Nowhere ${unique()}`;
		await form.create({ name, country: 'Poland' });
		// The field's maxlength="2" makes the browser keep "Po", which the server takes for a
		// country code: the city would be created in country "PO".
		expect(form.path, 'the form comes back instead of creating the city').toBe('/admin/cities/new');
		expect(await form.fieldError('country')).toBe(en('error_country_invalid'));
		expect(await form.fieldValue('country')).toBe('Poland');
		expect(await form.fieldValue('name')).toBe(name);
	});

	test('adds a city and appoints its coordinator, who joins', async () => {
		const id = unique();
		const name = `Zamość ${id}`;
		const coordinator = {
			name: `Piotr Zieliński ${id}`,
			email: `coordinator.${id}@example.org`,
			password: `zamosc-coordinator-${id}`
		};

		const admin = await signedIn(demo.admin, demoPassword);
		const form = new NewCityPage(admin.page);
		await form.goto();
		await form.create({
			name,
			country: 'pl',
			population: '62 021',
			latitude: '50.7231',
			longitude: '23.2520'
		});
		const list = new AdminCitiesPage(admin.page);
		expect(list.path).toBe(`/admin/cities?created=${encodeURIComponent(name)}`);
		expect(await list.notice()).toBe(en('admin_city_created', { city: name }));
		const city = (await list.cities()).find((c) => c.name === name);
		expect(city, 'the new city is listed').toBeDefined();
		expect(city!.slug).toMatch(/^zamo/);

		// Its public page exists at once.
		const visitor = new CityPage(await (await context()).newPage());
		expect(await visitor.goto(city!.slug)).toBe(200);
		expect(await visitor.heading()).toBe(name);
		expect(await visitor.page.locator('main .lead').innerText()).toBe('Poland');

		// The admin appoints a coordinator from the city's members page.
		const members = new MembersPage(admin.page);
		expect(await members.goto(city!.id)).toBe(200);
		expect(await members.members()).toEqual([]);
		await clickAndWait(admin.page, admin.page.locator('main a.button[href$="/members/invite"]'));
		const invite = new InvitePage(admin.page);
		expect(invite.path).toBe(`/workspace/${city!.id}/members/invite`);
		expect(await invite.roles()).toEqual(['city_coordinator', 'city_contributor', 'stakeholder']);
		expect(await invite.roleLabel('city_coordinator')).toBe(en('role_city_coordinator'));
		await invite.invite({
			name: coordinator.name,
			email: coordinator.email,
			role: 'city_coordinator'
		});
		expect(members.path).toBe(
			`/workspace/${city!.id}/members?invited=${encodeURIComponent(coordinator.email)}`
		);
		expect((await members.pending()).join('\n')).toContain(
			`${coordinator.name} (${coordinator.email}) – ${en('role_city_coordinator')}`
		);

		// The coordinator joins through the mail's link.
		const outbox = new OutboxPage(admin.page);
		const mail = await outbox.openMail(coordinator.email, new RegExp(name));
		expect(mail).toContain(en('role_city_coordinator'));
		const link = OutboxPage.link(mail, /^\/invitations\//);

		const joining = await (await context()).newPage();
		const invitation = new InvitationPage(joining);
		await invitation.goto(link);
		expect(await invitation.lead()).toBe(
			en('invitation_role', { city: name, role: en('role_city_coordinator') })
		);
		await invitation.join(coordinator.name, coordinator.password);
		const account = new AccountPage(joining);
		expect(account.path).toBe('/account?joined');
		expect(await account.roles()).toEqual([`${en('role_city_coordinator')}: ${name}`]);
		expect(await account.headerLinks()).toContainEqual({
			text: name,
			href: `/workspace/${city!.id}`
		});

		// As coordinator they may invite contributors and stakeholders themselves.
		const theirInvite = new InvitePage(joining);
		expect(await theirInvite.goto(city!.id)).toBe(200);
		expect(await theirInvite.roles()).toEqual(['city_contributor', 'stakeholder']);

		await members.goto(city!.id);
		expect(await members.members()).toEqual([
			{ name: coordinator.name, email: coordinator.email, role: en('role_city_coordinator') }
		]);
	});
});
