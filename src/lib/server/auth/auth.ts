// better-auth, configured once per process over the app's database. Its HTTP handler is not
// exposed to browsers: the app's own forms (which work without JavaScript) call it on the
// server through `callAuth`, so rate limits and origin checks still apply.
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db, type Db } from '../db/index.ts';
import * as mail from '../mail/service.ts';
import { account, appSecret, rateLimit, session, user, verification } from './schema.ts';
import { authMessages } from './messages.ts';

export const AUTH_BASE_PATH = '/api/auth';
/** Requests from the app's own forms carry the client's address in this header. */
export const CLIENT_IP_HEADER = 'x-integrating-cities-client-ip';

async function secret(d: Db): Promise<string> {
	if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
	const generated = randomBytes(32).toString('base64url');
	await d.insert(appSecret).values({ name: 'auth', value: generated }).onConflictDoNothing();
	const [row] = await d.select().from(appSecret).where(eq(appSecret.name, 'auth'));
	return row!.value;
}

function build(d: Db, authSecret: string) {
	return betterAuth({
		secret: authSecret,
		basePath: AUTH_BASE_PATH,
		database: drizzleAdapter(d, {
			provider: 'pg',
			schema: { user, session, account, verification, rateLimit }
		}),
		// Read with the session (actorFrom); written by the app only (input: false).
		user: { additionalFields: { locale: { type: 'string', required: false, input: false } } },
		emailAndPassword: {
			enabled: true,
			minPasswordLength: 10,
			maxPasswordLength: 128,
			requireEmailVerification: false,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 60 * 60,
			async sendResetPassword({ user: u, token }, request) {
				const link = `${originOf(request)}/account/reset-password?token=${encodeURIComponent(token)}`;
				await mail.send({ to: u.email, ...authMessages.resetPassword(u.name, link) });
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			autoSignInAfterVerification: false,
			expiresIn: 60 * 60 * 24,
			async sendVerificationEmail({ user: u, token }, request) {
				const link = `${originOf(request)}/account/verify-email?token=${encodeURIComponent(token)}`;
				await mail.send({ to: u.email, ...authMessages.verifyEmail(u.name, link) });
			}
		},
		session: {
			expiresIn: 60 * 60 * 24 * 14,
			updateAge: 60 * 60 * 24
		},
		rateLimit: {
			enabled: process.env.AUTH_RATE_LIMIT !== 'off',
			storage: 'database',
			window: 60,
			max: 100,
			customRules: {
				'/sign-in/email': { window: 60, max: 5 },
				'/request-password-reset': { window: 60 * 15, max: 3 },
				'/reset-password': { window: 60 * 15, max: 5 },
				'/sign-up/email': { window: 60 * 15, max: 5 }
			}
		},
		advanced: {
			ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
			useSecureCookies: appOrigin().startsWith('https:'),
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' }
		},
		// The origin comes from each request (the app runs behind any host name); say so once here.
		logger: { level: 'error' },
		telemetry: { enabled: false }
	});
}

export type Auth = ReturnType<typeof build>;

let instance: Promise<Auth> | undefined;

export function auth(): Promise<Auth> {
	instance ??= (async () => {
		const d = await db();
		return build(d, await secret(d));
	})();
	return instance;
}

/** Forget the instance (tests switch databases between files). */
export function resetAuth() {
	instance = undefined;
}

/** Links in mail point where the person came from (as invitations do), else to ORIGIN. */
function originOf(request: Request | undefined): string {
	if (process.env.ORIGIN || !request) return appOrigin();
	return new URL(request.url).origin;
}

/**
 * The public address of the app, for links in mail. ORIGIN when set (production behind a
 * proxy); otherwise the address the local server listens on.
 */
export function appOrigin(): string {
	return (process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? '3000'}`).replace(
		/\/$/,
		''
	);
}
