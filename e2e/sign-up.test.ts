// Someone creates an account from the sign-in page, then confirms their email address with the
// link from the mail (read in the outbox by the network admin). No JavaScript.
import { describe, expect, test } from 'vitest';
import { en } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { clickAndWait, demo, demoPassword } from './support/browser.ts';
import { unique } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { AccountPage } from './pages/AccountPage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';

const { context, signedIn } = useBrowser();

async function fillSignUp(
	page: BasePage,
	person: { name: string; email: string; password: string }
) {
	const main = page.page.locator('main');
	await main.locator('#name').fill(person.name);
	await main.locator('#email').fill(person.email);
	await main.locator('#password').fill(person.password);
	await clickAndWait(page.page, main.locator('form button[type="submit"]'));
}

describe('creating an account', () => {
	test('a person signs up and confirms their email address', async () => {
		const id = unique();
		const person = {
			name: `Layla Haddad ${id}`,
			email: `layla.${id}@example.org`,
			password: `my-own-password-${id}`
		};

		const page = await (await context()).newPage();
		const signIn = new SignInPage(page);
		await signIn.goto();
		await clickAndWait(page, page.locator('main a[href="/sign-up"]'));
		const signUp = new BasePage(page);
		expect(signUp.path).toBe('/sign-up');
		expect(await signUp.heading()).toBe(en('sign_up_title'));

		await fillSignUp(signUp, { name: '', email: 'layla', password: 'short' });
		expect(await signUp.title()).toMatch(/^Error: /);
		expect(await signUp.errorSummaryItems()).toEqual([
			{ text: en('error_name_required'), href: '#name' },
			{ text: en('error_email_invalid'), href: '#email' },
			{ text: en('error_password_too_short'), href: '#password' }
		]);
		expect(await signUp.fieldValue('email')).toBe('layla');
		expect(await signUp.fieldValue('password')).toBe('');

		await fillSignUp(signUp, person);
		const account = new AccountPage(page);
		expect(account.path).toBe('/account?welcome');
		expect(await account.notice()).toBe(en('account_welcome'));
		expect(await account.details()).toEqual({
			name: person.name,
			email: `${person.email} ${en('account_not_verified')}`
		});
		expect(await account.mainText()).toContain(en('account_no_roles'));

		// No mail? The link can be sent again.
		await clickAndWait(page, page.locator('main form[action="?/resendVerification"] button'));
		expect(await account.notice()).toBe(en('account_verification_sent'));

		const admin = await signedIn(demo.admin, demoPassword);
		const outbox = new OutboxPage(admin.page);
		const mail = await outbox.openMail(person.email, new RegExp(en('mail_verify_subject')));
		expect(mail).toContain(`Hello ${person.name}`);
		const link = OutboxPage.link(mail, /^\/account\/verify-email$/);

		const verify = new BasePage(page);
		expect(await verify.open(link)).toBe(200);
		expect(await verify.heading()).toBe(en('verify_done_title'));
		await account.goto();
		expect((await account.details()).email).toBe(`${person.email} ${en('account_verified')}`);
		expect(await page.locator('main form[action="?/resendVerification"]').count()).toBe(0);

		// The same address cannot make a second account.
		const other = new BasePage(await (await context()).newPage());
		await other.open('/sign-up');
		await fillSignUp(other, { ...person, name: 'Someone else' });
		expect(await other.fieldError('email')).toBe(en('error_email_taken'));
		expect(await other.fieldValue('name')).toBe('Someone else');
	});

	test('a confirmation link that does not work says so', async () => {
		const page = new BasePage(await (await context()).newPage());
		expect(await page.open('/account/verify-email?token=not-a-token')).toBe(200);
		expect(await page.heading()).toBe(en('verify_failed_title'));
	});
});
