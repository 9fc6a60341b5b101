// Who may open what: another city's workspace reads as "not found", a stakeholder never sees
// the invitation form, the admin section needs an account and then the network admin role.
import { beforeAll, describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser, type Session } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { BasePage } from './pages/BasePage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';

const { baseURL, context, signedIn } = useBrowser();

let lublinId = '';
let tampereId = '';

beforeAll(async () => {
	// The ids come from the header of each city's coordinator.
	const tampere = await signedIn(demo.coordinatorTampere, demoPassword);
	tampereId = await new BasePage(tampere.page).cityIdFromHeader('Tampere');
	const lublin = await signedIn(demo.coordinatorLublin, demoPassword);
	lublinId = await new BasePage(lublin.page).cityIdFromHeader('Lublin');
	expect(lublinId).not.toBe(tampereId);
});

async function expectNotFound(session: Session, path: string) {
	const page = new BasePage(session.page);
	expect(await page.open(path), path).toBe(404);
	expect(await page.heading()).toBe(en('error_not_found_title'));
	expect(await page.title()).toBe(title(en('error_not_found_title')));
	// Nothing of the other city leaks: no form, no members.
	expect(await session.page.locator('main form, main table').count()).toBe(0);
}

describe('access', () => {
	test("the Lublin coordinator cannot open Tampere's workspace", async () => {
		const session = await signedIn(demo.coordinatorLublin, demoPassword);
		await expectNotFound(session, `/workspace/${tampereId}`);
		await expectNotFound(session, `/workspace/${tampereId}/members`);
		await expectNotFound(session, `/workspace/${tampereId}/members/invite`);
		await expectNotFound(session, `/workspace/${tampereId}/facts`);
		await expectNotFound(session, '/workspace/not-a-uuid/members');

		// …but their own, with its members and the invitation form.
		const workspace = new WorkspacePage(session.page);
		expect(await workspace.goto(lublinId)).toBe(200);
		expect(await workspace.heading()).toBe(en('workspace_title', { city: 'Lublin' }));
		expect((await workspace.cards()).map((c) => c.href)).toEqual([
			`/workspace/${lublinId}/assessments`,
			`/workspace/${lublinId}/plans`,
			`/workspace/${lublinId}/surveys`,
			`/workspace/${lublinId}/practices`,
			`/workspace/${lublinId}/engagements`,
			`/workspace/${lublinId}/members`,
			`/workspace/${lublinId}/members/invite`,
			`/workspace/${lublinId}/facts`,
			'/cities/lublin',
			'/toolkits'
		]);
	});

	test('a stakeholder never gets the invitation form', async () => {
		const session = await signedIn(demo.ngoLublin, demoPassword);
		const page = new BasePage(session.page);
		const status = await page.open(`/workspace/${lublinId}/members/invite`);
		expect([403, 404]).toContain(status);
		expect(await session.page.locator('main form').count()).toBe(0);
		expect(await session.page.locator('main input[name="email"]').count()).toBe(0);

		// Their workspace offers neither the members nor the invitation (nor the engagements):
		// the city's action plans, which they may read, its public page and the toolkits.
		const workspace = new WorkspacePage(session.page);
		expect(await workspace.goto(lublinId)).toBe(200);
		expect(await workspace.mainText()).toContain(
			en('workspace_your_role', { role: en('role_stakeholder') })
		);
		expect((await workspace.cards()).map((c) => c.href)).toEqual([
			`/workspace/${lublinId}/plans`,
			'/cities/lublin',
			'/toolkits'
		]);
	});

	test('a contributor sees the members but cannot invite', async () => {
		const session = await signedIn(demo.contributorLublin, demoPassword);
		const page = new BasePage(session.page);
		expect(await page.open(`/workspace/${lublinId}/members`)).toBe(200);
		expect(await session.page.locator('main a[href$="/members/invite"]').count()).toBe(0);
		expect([403, 404]).toContain(await page.open(`/workspace/${lublinId}/members/invite`));
		expect(await session.page.locator('main form').count()).toBe(0);
	});

	test('an anonymous visitor is sent to sign in, then on to where they were going', async () => {
		const page = await (await context()).newPage();
		const signIn = new SignInPage(page);
		for (const path of ['/admin', '/admin/outbox', `/workspace/${lublinId}`]) {
			expect(await signIn.open(path)).toBe(200);
			expect(signIn.path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
			expect(await signIn.heading()).toBe(en('sign_in_title'));
		}
		await signIn.open('/admin');
		await signIn.signIn(demo.admin, demoPassword);
		expect(signIn.path).toBe('/admin');
		expect(await signIn.heading()).toBe(en('dashboard_title'));
	});

	test('a city coordinator gets 403 in the admin section', async () => {
		const session = await signedIn(demo.coordinatorLublin, demoPassword);
		const page = new BasePage(session.page);
		for (const path of [
			'/admin',
			'/admin/cities',
			'/admin/cities/new',
			'/admin/outbox',
			'/admin/charter',
			'/admin/charter/new'
		]) {
			expect(await page.open(path), path).toBe(403);
			expect(await page.heading()).toBe(en('error_forbidden_title'));
		}
		expect((await page.headerLinks()).map((l) => l.text)).not.toContain(en('nav_admin'));
	});

	test('a sign-in link never leads to another site', async () => {
		const page = await (await context()).newPage();
		const signIn = new SignInPage(page);
		await signIn.open('/sign-in?next=//example.com/');
		await signIn.signIn(demo.ngoLublin, demoPassword);
		expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);
		expect(signIn.path).toBe('/account');
	});
});
