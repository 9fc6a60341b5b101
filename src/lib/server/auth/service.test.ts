import { describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { outbox } from '../mail/schema.ts';
import * as auth from './service.ts';
import { resetAuth } from './auth.ts';

const ctx = (ip = '127.0.0.1', cookie: string | null = null) => ({
	origin: 'http://localhost',
	clientAddress: ip,
	cookie
});

function cookieHeader(result: auth.AuthResult) {
	return result.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

describe.each(engines())('accounts on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });

	async function lastMail(to: string) {
		const [mail] = await db()
			.select()
			.from(outbox)
			.where(eq(outbox.to, to))
			.orderBy(desc(outbox.createdAt))
			.limit(1);
		return mail;
	}

	it('signs up, sends a verification mail, and verifies the address from its link', async () => {
		const result = await auth.signUp(ctx(), {
			name: 'Maria Nowak',
			email: 'maria@example.net',
			password: 'correct horse battery'
		});
		expect(result.ok).toBe(true);
		const session = cookieHeader(result);
		const before = await auth.actorFrom(new Headers({ cookie: session }));
		expect(before).toMatchObject({
			email: 'maria@example.net',
			emailVerified: false,
			memberships: []
		});

		const mail = await lastMail('maria@example.net');
		expect(mail?.purpose).toBe('verify-email');
		const token = new URL(mail!.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
		expect((await auth.verifyEmail(ctx(), token)).ok).toBe(true);
		const after = await auth.actorFrom(new Headers({ cookie: session }));
		expect(after?.emailVerified).toBe(true);
	});

	it('refuses a wrong password with 401 and a second account on the same email', async () => {
		const wrong = await auth.signIn(ctx(), {
			email: 'admin@example.org',
			password: 'not the password'
		});
		expect(wrong).toMatchObject({ ok: false, status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' });
		const twice = await auth.signUp(ctx(), {
			name: 'Again',
			email: 'admin@example.org',
			password: 'another long one'
		});
		expect(twice.ok).toBe(false);
	});

	it('issues an HttpOnly, SameSite=Lax session cookie and signs out', async () => {
		const result = await auth.signIn(ctx(), {
			email: 'admin@example.org',
			password: 'integrating-demo'
		});
		expect(result.ok).toBe(true);
		const session = result.cookies.find((c) => c.name.endsWith('session_token'));
		expect(session?.options).toMatchObject({ httpOnly: true, sameSite: 'lax' });
		const cookie = cookieHeader(result);
		expect((await auth.actorFrom(new Headers({ cookie })))?.memberships).toEqual([
			{ cityId: null, role: 'network_admin' }
		]);
		await auth.signOut(ctx('127.0.0.1', cookie));
		expect(await auth.actorFrom(new Headers({ cookie }))).toBeNull();
	});

	it('keeps the language a person uses, for the mails they get while away; only their own', async () => {
		const result = await auth.signIn(ctx(), {
			email: 'admin@example.org',
			password: 'integrating-demo'
		});
		const headers = new Headers({ cookie: cookieHeader(result) });
		const actor = await auth.actorFrom(headers);
		await auth.rememberLocale(actor, 'uk');
		expect((await auth.actorFrom(headers))?.locale).toBe('uk');
		await auth.rememberLocale(actor, 'ar');
		expect((await auth.actorFrom(headers))?.locale).toBe('ar');
		await expect(auth.rememberLocale(null, 'fr')).rejects.toMatchObject({ status: 401 });
	});

	it('resets a password from the mailed link; the old password stops working', async () => {
		const email = 'contributor.lublin@example.org';
		expect((await auth.requestPasswordReset(ctx(), email)).ok).toBe(true);
		const mail = await lastMail(email);
		expect(mail?.purpose).toBe('password-reset');
		const token = new URL(mail!.text.match(/https?:\/\/\S+/)![0]).searchParams.get('token')!;
		expect(
			(await auth.resetPassword(ctx(), { token, newPassword: 'a brand new passphrase' })).ok
		).toBe(true);
		expect((await auth.signIn(ctx(), { email, password: 'integrating-demo' })).ok).toBe(false);
		expect((await auth.signIn(ctx(), { email, password: 'a brand new passphrase' })).ok).toBe(true);
		// A used link cannot be used twice.
		expect(
			(await auth.resetPassword(ctx(), { token, newPassword: 'yet another passphrase' })).ok
		).toBe(false);
	});

	it('answers a reset request for an unknown address the same way (reveals nothing)', async () => {
		const result = await auth.requestPasswordReset(ctx(), 'nobody@example.net');
		expect(result.ok).toBe(true);
		expect(await lastMail('nobody@example.net')).toBeUndefined();
	});

	it('rate-limits sign-in attempts per client address', async () => {
		const previous = process.env.AUTH_RATE_LIMIT;
		process.env.AUTH_RATE_LIMIT = 'on';
		resetAuth();
		try {
			const attempt = (ip: string) =>
				auth.signIn(ctx(ip), { email: 'admin@example.org', password: 'wrong password' });
			const results = [];
			for (let i = 0; i < 7; i++) results.push(await attempt('203.0.113.7'));
			expect(results.slice(0, 5).every((r) => !r.ok && r.status === 401)).toBe(true);
			expect(results.at(-1)).toMatchObject({ ok: false, status: 429, code: 'RATE_LIMITED' });
			// Another address is not affected.
			expect(await attempt('203.0.113.8')).toMatchObject({ status: 401 });
		} finally {
			process.env.AUTH_RATE_LIMIT = previous;
			resetAuth();
		}
	});
});
