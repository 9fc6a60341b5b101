// /workspace: the cities a person works with. Without a city it says how to join one; with
// one it goes straight to that city's workspace; with several it lists them with the role in
// each; a network admin sees every city. Anonymous visitors are sent to sign in. No JavaScript.
import { beforeAll, describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser, type Session } from './support/fixtures.ts';
import { clickAndWait, demo, demoPassword } from './support/browser.ts';
import { cities as seededCities, unique } from './support/content.ts';
import { AdminCitiesPage } from './pages/AdminPages.ts';
import { BasePage } from './pages/BasePage.ts';
import { InvitePage } from './pages/InvitePage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { WorkspacesPage } from './pages/WorkspacePage.ts';

const { context, signedIn } = useBrowser();

let lublinId = '';
let tampereId = '';

beforeAll(async () => {
	const admin = await signedIn(demo.admin, demoPassword);
	const cities = new AdminCitiesPage(admin.page);
	await cities.goto();
	lublinId = await cities.cityId('lublin');
	tampereId = await cities.cityId('tampere');
});

/**
 * `inviter` invites the person into a city; the mail is read in the outbox by the network
 * admin, and the person, signed in, accepts.
 */
async function join(
	inviter: Session,
	admin: Session,
	person: Session,
	city: { id: string; name: string },
	email: string,
	role: 'city_contributor' | 'stakeholder'
) {
	const invite = new InvitePage(inviter.page);
	await invite.goto(city.id);
	await invite.invite({ name: 'Workspaces Person', email, role });
	const subject = en('mail_invite_subject', { city: city.name });
	const mail = await new OutboxPage(admin.page).openMail(email, new RegExp(`^${subject}$`));
	const link = OutboxPage.link(mail, /^\/invitations\//);
	const page = new BasePage(person.page);
	expect(await page.open(link)).toBe(200);
	await clickAndWait(person.page, person.page.locator('main form[action="?/accept"] button'));
	expect(page.path).toBe('/account?joined');
}

describe('the list of workspaces', () => {
	test('an anonymous visitor signs in first; a coordinator of one city lands in it', async () => {
		const page = await (await context()).newPage();
		const signIn = new SignInPage(page);
		expect(await signIn.open('/workspace')).toBe(200);
		expect(signIn.path).toBe(`/sign-in?next=${encodeURIComponent('/workspace')}`);
		await signIn.signIn(demo.coordinatorLublin, demoPassword);
		expect(signIn.path).toBe(`/workspace/${lublinId}`);
		expect(await signIn.heading()).toBe(en('workspace_title', { city: 'Lublin' }));
	});

	test('someone without a city is told how to join one; with two, both are listed', async () => {
		const id = unique();
		const email = `workspaces.${id}@example.org`;

		// A person signs up: no city yet.
		const ctx = await context();
		const person: Session = { context: ctx, page: await ctx.newPage() };
		const workspaces = new WorkspacesPage(person.page);
		expect(await workspaces.open('/sign-up')).toBe(200);
		const main = person.page.locator('main');
		await main.locator('#name').fill(`Workspaces Person ${id}`);
		await main.locator('#email').fill(email);
		await main.locator('#password').fill(`a-good-password-${id}`);
		await clickAndWait(person.page, main.locator('form button[type="submit"]'));
		expect(workspaces.path).toBe('/account?welcome');

		expect(await workspaces.goto()).toBe(200);
		expect(await workspaces.heading()).toBe(en('workspaces_title'));
		expect(await workspaces.title()).toBe(title(en('workspaces_title')));
		expect(await workspaces.mainText()).toContain(en('workspaces_none'));
		expect(await workspaces.cities()).toEqual([]);
		expect(await workspaces.adminLinks()).toEqual([]);

		// Lublin's coordinator invites them: one city, so /workspace opens it.
		const admin = await signedIn(demo.admin, demoPassword);
		const coordinator = await signedIn(demo.coordinatorLublin, demoPassword);
		await join(coordinator, admin, person, { id: lublinId, name: 'Lublin' }, email, 'stakeholder');
		expect(await workspaces.goto()).toBe(200);
		expect(workspaces.path).toBe(`/workspace/${lublinId}`);
		expect(await workspaces.heading()).toBe(en('workspace_title', { city: 'Lublin' }));

		// The network admin adds them to Tampere: both are listed, by name, with the role.
		await join(admin, admin, person, { id: tampereId, name: 'Tampere' }, email, 'city_contributor');
		expect(await workspaces.goto()).toBe(200);
		expect(workspaces.path).toBe('/workspace');
		expect(await workspaces.cities()).toEqual([
			{
				name: 'Lublin',
				href: `/workspace/${lublinId}`,
				text: `Lublin Poland ${en('workspace_your_role', { role: en('role_stakeholder') })}`
			},
			{
				name: 'Tampere',
				href: `/workspace/${tampereId}`,
				text: `Tampere Finland ${en('workspace_your_role', { role: en('role_city_contributor') })}`
			}
		]);
		expect(await workspaces.mainText()).not.toContain(en('workspaces_none'));

		// Each link opens that city's workspace.
		await clickAndWait(person.page, person.page.locator(`main a[href="/workspace/${tampereId}"]`));
		expect(await workspaces.heading()).toBe(en('workspace_title', { city: 'Tampere' }));
	});

	test('a network admin sees every city, and the way to the network admin', async () => {
		const admin = await signedIn(demo.admin, demoPassword);
		const workspaces = new WorkspacesPage(admin.page);
		expect(await workspaces.goto()).toBe(200);
		expect(workspaces.path).toBe('/workspace');
		expect(await workspaces.mainText()).toContain(en('workspaces_admin_intro'));
		expect(await workspaces.adminLinks()).toEqual([
			{ text: en('workspaces_admin_link'), href: '/admin' }
		]);
		const listed = await workspaces.cities();
		for (const c of seededCities) expect(listed.map((l) => l.name)).toContain(c.name);
		expect(listed).toContainEqual({
			name: 'Tampere',
			href: `/workspace/${tampereId}`,
			text: 'Tampere Finland'
		});
	});
});
