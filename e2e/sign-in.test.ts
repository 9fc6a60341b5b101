// Each demo account signs in and sees its role; a wrong password is explained the GOV.UK way
// (error summary, "Error: " in the title, message by the field, email kept), with and
// without JavaScript.
import { describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { AccountPage } from './pages/AccountPage.ts';

const { context } = useBrowser();

const accounts = [
	{ email: demo.admin, roles: [en('role_network_admin')], header: [en('nav_admin')] },
	{
		email: demo.coordinatorLublin,
		roles: [`${en('role_city_coordinator')}: Lublin`],
		header: ['Lublin']
	},
	{
		email: demo.coordinatorTampere,
		roles: [`${en('role_city_coordinator')}: Tampere`],
		header: ['Tampere']
	},
	{
		email: demo.contributorLublin,
		roles: [`${en('role_city_contributor')}: Lublin`],
		header: ['Lublin']
	},
	{ email: demo.ngoLublin, roles: [`${en('role_stakeholder')}: Lublin`], header: ['Lublin'] }
];

describe('signing in', () => {
	test.each(accounts)('$email signs in and sees their role', async ({ email, roles, header }) => {
		const page = await (await context()).newPage();
		const signIn = new SignInPage(page);
		expect(await signIn.goto()).toBe(200);
		await signIn.signIn(email, demoPassword);

		const account = new AccountPage(page);
		expect(account.path).toBe('/account');
		expect(await account.heading()).toBe(en('account_title'));
		expect((await account.details()).email).toContain(email);
		expect(await account.roles()).toEqual(roles);

		const nav = (await account.headerLinks()).map((l) => l.text);
		for (const item of header) expect(nav).toContain(item);
		expect(nav).toContain(en('nav_account'));
		expect(nav).not.toContain(en('nav_sign_in'));
		if (email !== demo.admin) expect(nav).not.toContain(en('nav_admin'));

		await account.signOut();
		expect(account.path).toBe('/?signed-out');
		expect((await account.headerLinks()).map((l) => l.text)).toContain(en('nav_sign_in'));
		expect(await account.open('/account')).toBe(200);
		expect(account.path).toBe('/sign-in?next=%2Faccount');
	});

	test('a page that needs an account sends the visitor to sign in, then back', async () => {
		const page = await (await context()).newPage();
		const signIn = new SignInPage(page);
		await signIn.open('/account');
		expect(signIn.path).toBe('/sign-in?next=%2Faccount');
		await signIn.signIn(demo.ngoLublin, demoPassword);
		expect(signIn.path).toBe('/account');
	});

	for (const js of [false, true]) {
		test(`a wrong password is explained (JavaScript ${js ? 'on' : 'off'})`, async () => {
			const page = await (await context({ js })).newPage();
			const signIn = new SignInPage(page);
			await signIn.goto();
			if (js) await page.waitForLoadState('networkidle');
			expect(await signIn.title()).toBe(title(en('sign_in_title')));
			await signIn.signIn(demo.coordinatorLublin, 'not-the-password');

			expect(signIn.path).toBe('/sign-in');
			expect(await signIn.title()).toBe(
				title(en('error_title_prefix', { title: en('sign_in_title') }))
			);
			expect(await signIn.errorSummary().isVisible()).toBe(true);
			expect(await signIn.errorSummary().locator('h2').innerText()).toBe(en('error_summary_title'));
			expect(await signIn.errorSummaryItems()).toEqual([
				{ text: en('error_sign_in_failed'), href: '#email' }
			]);
			expect(await signIn.fieldError('email')).toBe(en('error_sign_in_failed'));
			expect(await signIn.fieldInvalid('email')).toBe(true);
			expect(await signIn.fieldValue('email')).toBe(demo.coordinatorLublin);
			expect(await signIn.fieldValue('password')).toBe('');

			if (js) {
				// The summary takes focus so that a screen reader announces it at once.
				await expect
					.poll(() => page.evaluate(() => document.activeElement?.className ?? ''), {
						timeout: 5000
					})
					.toContain('error-summary');
			}

			// The problem's link leads to the field.
			await signIn.errorSummary().locator('a[href="#email"]').click();
			expect(new URL(page.url()).hash).toBe('#email');
		});
	}

	test('what a person typed while the page was still loading is kept', async () => {
		// On a slow phone the form is there before the JavaScript: a person types their email,
		// then the page hydrates. Hydration must not empty the fields.
		const page = await (await context({ js: true })).newPage();
		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**', async (route) => {
			await held;
			await route.continue();
		});
		// (Module scripts hold back DOMContentLoaded: wait only for the document to arrive.)
		await page.goto('/sign-in', { waitUntil: 'commit' });
		await page.locator('main #email').fill(demo.ngoLublin);
		await page.locator('main #password').fill(demoPassword);
		release();
		await page.waitForLoadState('networkidle');
		expect(await page.locator('main #email').inputValue()).toBe(demo.ngoLublin);
		expect(await page.locator('main #password').inputValue()).toBe(demoPassword);
	});

	test('an empty form names each missing field', async () => {
		const page = await (await context()).newPage();
		const signIn = new SignInPage(page);
		await signIn.goto();
		await signIn.signIn('', '');
		expect(await signIn.title()).toBe(
			title(en('error_title_prefix', { title: en('sign_in_title') }))
		);
		expect(await signIn.errorSummaryItems()).toEqual([
			{ text: en('error_email_required'), href: '#email' },
			{ text: en('error_password_required'), href: '#password' }
		]);
		expect(await signIn.fieldError('email')).toBe(en('error_email_required'));
		expect(await signIn.fieldError('password')).toBe(en('error_password_required'));
	});
});
