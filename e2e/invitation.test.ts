// The Lublin coordinator invites a stakeholder; the mail's link (read from the outbox by the
// network admin) lets the invitee create an account and join Lublin. No JavaScript anywhere.
import { describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { unique } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { InvitePage } from './pages/InvitePage.ts';
import { MembersPage } from './pages/MembersPage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { InvitationPage } from './pages/InvitationPage.ts';
import { AccountPage } from './pages/AccountPage.ts';

const { context, signedIn } = useBrowser();

describe('inviting someone to a city', () => {
	test('an empty invitation names each missing field', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const lublinId = await new BasePage(page).cityIdFromHeader('Lublin');
		const invite = new InvitePage(page);
		expect(await invite.goto(lublinId)).toBe(200);
		expect(await invite.heading()).toBe(en('invite_heading', { city: 'Lublin' }));
		// A coordinator may invite contributors and stakeholders, not other coordinators.
		expect(await invite.roles()).toEqual(['city_contributor', 'stakeholder']);

		await invite.invite({});
		expect(invite.path).toBe(`/workspace/${lublinId}/members/invite`);
		expect(await invite.title()).toBe(
			title(en('error_title_prefix', { title: en('invite_title') }))
		);
		const problems = await invite.errorSummaryItems();
		expect(problems.map((p) => p.href)).toEqual(['#name', '#email', '#role']);
		// (The name's message is the one for one's own name, "Enter your full name": reported.)
		expect(await invite.fieldError('name')).toBe(problems[0]!.text);
		expect(await invite.fieldError('email')).toBe(en('error_email_required'));
		expect(await invite.fieldError('organisation')).toBeNull();
		// No role chosen: the message must say so, not "Something is not right here".
		expect(await invite.fieldError('role'), 'the message next to the roles').toBe(
			en('error_role_required')
		);
		expect(problems[2]!.text).toBe(en('error_role_required'));
	});

	test('a wrong email and a too long organisation are explained, what was typed kept', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const lublinId = await new BasePage(page).cityIdFromHeader('Lublin');
		const invite = new InvitePage(page);
		await invite.goto(lublinId);

		const huge = 'A very long organisation name '.repeat(10).trim();
		expect(huge.length).toBeGreaterThan(200);
		// The field's maxlength stops a keyboard at 200 characters; the server must still
		// refuse more (a paste into an old browser, a script), so the journey lifts the limit.
		await page.locator('main #organisation').evaluate((el) => el.removeAttribute('maxlength'));
		await invite.invite({
			name: 'Ana Kowalska',
			email: 'ana.kowalska(at)example.org',
			role: 'stakeholder',
			organisation: huge
		});
		expect(await invite.title()).toMatch(/^Error: /);
		expect(await invite.errorSummaryItems()).toEqual([
			{ text: en('error_email_invalid'), href: '#email' },
			{ text: en('error_text_too_long'), href: '#organisation' }
		]);
		expect(await invite.fieldError('email')).toBe(en('error_email_invalid'));
		expect(await invite.fieldError('organisation')).toBe(en('error_text_too_long'));
		expect(await invite.fieldError('name')).toBeNull();
		expect(await invite.fieldValue('name')).toBe('Ana Kowalska');
		expect(await invite.fieldValue('email')).toBe('ana.kowalska(at)example.org');
		expect(await invite.fieldValue('organisation')).toBe(huge);
		expect(await invite.checkedRole()).toBe('stakeholder');

		// An existing member cannot be invited again.
		await invite.invite({ name: 'NGO', email: demo.ngoLublin, role: 'stakeholder' });
		expect(await invite.fieldError('email')).toBe(en('error_already_member'));
		expect(await invite.fieldValue('email')).toBe(demo.ngoLublin);
	});

	test('the invitee joins Lublin as a stakeholder through the link in the mail', async () => {
		const id = unique();
		const invitee = {
			name: `Ewa Nowak ${id}`,
			email: `ewa.nowak.${id}@example.org`,
			organisation: `Lublin Welcome Centre ${id}`,
			password: `a-good-password-${id}`
		};

		// 1. The coordinator sends the invitation.
		const coordinator = await signedIn(demo.coordinatorLublin, demoPassword);
		const lublinId = await new BasePage(coordinator.page).cityIdFromHeader('Lublin');
		const invite = new InvitePage(coordinator.page);
		await invite.goto(lublinId);
		await invite.invite({
			name: invitee.name,
			email: invitee.email,
			role: 'stakeholder',
			organisation: invitee.organisation
		});
		const members = new MembersPage(coordinator.page);
		expect(members.path).toBe(
			`/workspace/${lublinId}/members?invited=${encodeURIComponent(invitee.email)}`
		);
		expect(await members.notice()).toBe(en('members_invited', { email: invitee.email }));
		expect((await members.pending()).some((p) => p.includes(invitee.email))).toBe(true);
		expect((await members.members()).map((m) => m.email)).not.toContain(invitee.email);

		// 2. The network admin finds the mail in the outbox.
		const admin = await signedIn(demo.admin, demoPassword);
		const outbox = new OutboxPage(admin.page);
		const mail = await outbox.openMail(invitee.email, /Lublin/);
		expect(await outbox.heading()).toBe(en('mail_invite_subject', { city: 'Lublin' }));
		expect(mail).toContain(`Hello ${invitee.name}`);
		expect(mail).toContain(en('role_stakeholder'));
		const link = OutboxPage.link(mail, /^\/invitations\/[^/]+$/);

		// 3. The invitee opens the link in a browser of their own.
		const inviteePage = await (await context()).newPage();
		const invitation = new InvitationPage(inviteePage);
		expect(await invitation.goto(link)).toBe(200);
		expect(await invitation.heading()).toBe(en('invitation_title', { city: 'Lublin' }));
		expect(await invitation.lead()).toBe(
			en('invitation_role', { city: 'Lublin', role: en('role_stakeholder') })
		);
		expect(await invitation.mainText()).toContain(invitee.email);
		expect(await invitation.fieldValue('name')).toBe(invitee.name);

		// A password that is too short is refused, the name kept.
		await invitation.join(invitee.name, 'short');
		expect(await invitation.title()).toMatch(/^Error: /);
		expect(await invitation.fieldError('password')).toBe(en('error_password_too_short'));
		expect(await invitation.fieldValue('name')).toBe(invitee.name);

		await invitation.join(invitee.name, invitee.password);
		const account = new AccountPage(inviteePage);
		expect(account.path).toBe('/account?joined');
		expect(await account.notice()).toBe(en('account_joined'));
		expect(await account.details()).toMatchObject({ name: invitee.name });
		expect(await account.roles()).toEqual([`${en('role_stakeholder')}: Lublin`]);
		expect(await account.headerLinks()).toContainEqual({
			text: 'Lublin',
			href: `/workspace/${lublinId}`
		});

		// The link works once.
		await invitation.goto(link);
		expect(await invitation.mainText()).toContain(en('invitation_used'));

		// 4. The coordinator sees the new member.
		await members.goto(lublinId);
		expect(await members.members()).toContainEqual({
			name: invitee.name,
			email: invitee.email,
			role: `${en('role_stakeholder')} ${invitee.organisation}`
		});
		expect((await members.pending()).some((p) => p.includes(invitee.email))).toBe(false);
	});

	test('an unknown invitation link is not found', async () => {
		const page = new InvitationPage(await (await context()).newPage());
		expect(await page.goto('/invitations/not-a-real-token')).toBe(404);
		expect(await page.heading()).toBe(en('error_not_found_title'));
	});
});
