// A person who forgot their password asks for a link, reads it in their mail (here: the
// outbox, as the network admin), chooses a new password and signs in with it. The demo
// contributor's password is set back afterwards, so other journeys can rely on it.
import { describe, expect, test } from 'vitest';
import { en } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { clickAndWait, demo, demoPassword } from './support/browser.ts';
import { unique } from './support/content.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/PasswordPages.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { AccountPage } from './pages/AccountPage.ts';
import type { BrowserContext } from 'playwright-core';

const { context, signedIn } = useBrowser();

const email = demo.contributorLublin;

/** Asks for a reset link and returns it (path and query), as read from the outbox. */
async function requestResetLink(visitor: BrowserContext, outbox: OutboxPage): Promise<string> {
	const page = await visitor.newPage();
	const forgot = new ForgotPasswordPage(page);
	await forgot.goto();
	await forgot.request(email);
	expect(await forgot.notice()).toBe(en('forgot_sent', { email }));
	await page.close();
	const mail = await outbox.openMail(email, new RegExp(en('mail_reset_subject')));
	expect(mail).toContain('Hello Lublin Contributor (demo)');
	return OutboxPage.link(mail, /^\/account\/reset-password$/);
}

async function resetTo(visitor: BrowserContext, link: string, password: string) {
	const reset = new ResetPasswordPage(await visitor.newPage());
	expect(await reset.goto(link)).toBe(200);
	expect(await reset.heading()).toBe(en('reset_title'));
	await reset.reset(password);
	expect(reset.path).toBe('/sign-in?reset');
	expect(await reset.notice()).toBe(en('reset_done'));
	return reset.page;
}

describe('resetting a forgotten password', () => {
	test('the contributor resets their password through the link in the mail', async () => {
		const newPassword = `a-new-password-${unique()}`;
		const admin = await signedIn(demo.admin, demoPassword);
		const outbox = new OutboxPage(admin.page);
		const visitor = await context();

		// From the sign-in page, as a person would find it.
		const start = await visitor.newPage();
		const signIn = new SignInPage(start);
		await signIn.goto();
		await clickAndWait(start, start.locator('main a[href="/account/forgot-password"]'));
		expect(await signIn.heading()).toBe(en('forgot_title'));

		// An empty address is explained.
		const forgot = new ForgotPasswordPage(start);
		await forgot.request('');
		expect(await forgot.title()).toMatch(/^Error: /);
		expect(await forgot.fieldError('email')).toBe(en('error_email_required'));

		const link = await requestResetLink(visitor, outbox);
		expect(link).toMatch(/^\/account\/reset-password\?token=.+/);

		// Two different passwords are refused; then the new one is saved.
		const reset = new ResetPasswordPage(await visitor.newPage());
		await reset.goto(link);
		await reset.reset(newPassword, `${newPassword}-typo`);
		expect(await reset.title()).toMatch(/^Error: /);
		expect(await reset.fieldError('confirm')).toBe(en('error_password_confirm'));
		await reset.reset('too-short');
		expect(await reset.fieldError('password')).toBe(en('error_password_too_short'));
		const signInPage = await resetTo(visitor, link, newPassword);

		// The old password no longer works; the new one does.
		const again = new SignInPage(signInPage);
		await again.signIn(email, demoPassword);
		expect(await again.fieldError('email')).toBe(en('error_sign_in_failed'));
		await again.signIn(email, newPassword);
		const account = new AccountPage(signInPage);
		expect(account.path).toBe('/account');
		expect(await account.roles()).toEqual([`${en('role_city_contributor')}: Lublin`]);

		// The link works once.
		const used = new ResetPasswordPage(await visitor.newPage());
		await used.goto(link);
		await used.reset(`${newPassword}-again`);
		expect(await used.title()).toMatch(/^Error: /);
		expect(await used.mainText()).toContain(en('error_reset_link_invalid'));

		// Back to the demo password, through the same journey.
		const fresh = await context();
		const back = await requestResetLink(fresh, outbox);
		expect(back).not.toBe(link);
		const done = new SignInPage(await resetTo(fresh, back, demoPassword));
		await done.signIn(email, demoPassword);
		expect(done.path).toBe('/account');
	});

	test('an address without an account gets the same answer and no mail', async () => {
		const admin = await signedIn(demo.admin, demoPassword);
		const stranger = `nobody.${unique()}@example.org`;
		const forgot = new ForgotPasswordPage(await (await context()).newPage());
		await forgot.goto();
		await forgot.request(stranger);
		expect(await forgot.notice()).toBe(en('forgot_sent', { email: stranger }));
		const outbox = new OutboxPage(admin.page);
		await outbox.goto();
		expect((await outbox.rows()).map((r) => r.to)).not.toContain(stranger);
	});

	test('a reset page without a token offers to ask again', async () => {
		const reset = new ResetPasswordPage(await (await context()).newPage());
		expect(await reset.goto('/account/reset-password')).toBe(200);
		expect(await reset.page.locator('main form').count()).toBe(0);
		expect(await reset.page.locator('main a[href="/account/forgot-password"]').count()).toBe(1);
	});
});
