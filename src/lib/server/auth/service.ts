// Accounts: sign up, sign in, sign out, password reset and email verification, through
// better-auth's own endpoints (so its rate limits and checks apply), and the current actor.
import { eq } from 'drizzle-orm';
import { parseSetCookieHeader, splitSetCookieHeader } from 'better-auth/cookies';
import { db } from '../db/index.ts';
import { requireSignedIn, type Actor, type Role } from '../access/index.ts';
import { membership } from '../cities/schema.ts';
import { AUTH_BASE_PATH, CLIENT_IP_HEADER, auth } from './auth.ts';
import { user } from './schema.ts';
import { mentoredCityIds } from '../mentoring/queries.ts';

/** What a request brings that auth needs: where it came from and its cookies. */
export interface RequestContext {
	origin: string;
	clientAddress: string;
	cookie: string | null;
	userAgent?: string | null;
}

export interface CookieToSet {
	name: string;
	value: string;
	options: {
		path: string;
		httpOnly?: boolean;
		secure?: boolean;
		sameSite?: 'lax' | 'strict' | 'none';
		maxAge?: number;
		expires?: Date;
	};
}

export type AuthResult =
	| { ok: true; cookies: CookieToSet[]; body: unknown }
	| { ok: false; status: number; code: string; cookies: CookieToSet[] };

function cookiesFrom(response: Response): CookieToSet[] {
	const header = response.headers.getSetCookie?.().join(', ') ?? response.headers.get('set-cookie');
	if (!header) return [];
	const out: CookieToSet[] = [];
	for (const part of splitSetCookieHeader(header)) {
		for (const [name, attrs] of parseSetCookieHeader(part)) {
			const sameSite = attrs.samesite?.toLowerCase();
			out.push({
				name,
				value: attrs.value,
				options: {
					path: attrs.path ?? '/',
					httpOnly: attrs.httponly ?? true,
					secure: attrs.secure,
					sameSite: sameSite === 'strict' || sameSite === 'none' ? sameSite : 'lax',
					maxAge: attrs['max-age'],
					expires: attrs.expires
				}
			});
		}
	}
	return out;
}

async function callAuth(
	ctx: RequestContext,
	path: string,
	body?: Record<string, unknown>,
	method: 'POST' | 'GET' = 'POST'
): Promise<AuthResult> {
	const a = await auth();
	const headers = new Headers({
		origin: ctx.origin,
		[CLIENT_IP_HEADER]: ctx.clientAddress
	});
	if (ctx.cookie) headers.set('cookie', ctx.cookie);
	if (ctx.userAgent) headers.set('user-agent', ctx.userAgent);
	if (body) headers.set('content-type', 'application/json');
	const response = await a.handler(
		new Request(`${ctx.origin}${AUTH_BASE_PATH}${path}`, {
			method,
			headers,
			body: body ? JSON.stringify(body) : undefined
		})
	);
	const cookies = cookiesFrom(response);
	if (response.ok) {
		const text = await response.text();
		return { ok: true, cookies, body: text ? JSON.parse(text) : null };
	}
	let code = 'UNKNOWN';
	try {
		const parsed = (await response.json()) as { code?: string };
		code = parsed.code ?? code;
	} catch {
		// Some failures (rate limits) answer without a JSON body.
	}
	if (response.status === 429) code = 'RATE_LIMITED';
	return { ok: false, status: response.status, code, cookies };
}

export function signUp(
	ctx: RequestContext,
	input: { name: string; email: string; password: string }
) {
	return callAuth(ctx, '/sign-up/email', input);
}

export function signIn(ctx: RequestContext, input: { email: string; password: string }) {
	return callAuth(ctx, '/sign-in/email', { ...input, rememberMe: true });
}

export function signOut(ctx: RequestContext) {
	return callAuth(ctx, '/sign-out', {});
}

export function requestPasswordReset(ctx: RequestContext, email: string) {
	return callAuth(ctx, '/request-password-reset', {
		email,
		redirectTo: `${ctx.origin}/account/reset-password`
	});
}

export function resetPassword(ctx: RequestContext, input: { token: string; newPassword: string }) {
	return callAuth(ctx, '/reset-password', input);
}

export function verifyEmail(ctx: RequestContext, token: string) {
	return callAuth(ctx, `/verify-email?token=${encodeURIComponent(token)}`, undefined, 'GET');
}

export function sendVerificationEmail(ctx: RequestContext, email: string) {
	return callAuth(ctx, '/send-verification-email', { email });
}

/** The signed-in person with their roles, or null. */
export async function actorFrom(headers: Headers): Promise<Actor | null> {
	if (!headers.get('cookie')) return null;
	const a = await auth();
	const found = await a.api.getSession({ headers });
	if (!found) return null;
	const d = await db();
	const rows = await d
		.select({ cityId: membership.cityId, role: membership.role })
		.from(membership)
		.where(eq(membership.userId, found.user.id));
	return {
		userId: found.user.id,
		name: found.user.name,
		email: found.user.email,
		emailVerified: found.user.emailVerified,
		memberships: rows.map((r) => ({ cityId: r.cityId, role: r.role as Role })),
		mentorOf: await mentoredCityIds(
			d,
			rows.flatMap((r) => (r.cityId ? [r.cityId] : []))
		),
		locale: found.user.locale ?? null
	};
}

/**
 * Records the language a signed-in person uses the site in, when it changed: mails sent while
 * they are away (reminders) are written in it. A person records only their own.
 */
export async function rememberLocale(actor: Actor | null, locale: string): Promise<void> {
	requireSignedIn(actor);
	if (actor.locale === locale) return;
	const d = await db();
	await d.update(user).set({ locale }).where(eq(user.id, actor.userId));
	actor.locale = locale;
}

export async function findUserByEmail(email: string) {
	const d = await db();
	const [row] = await d.select().from(user).where(eq(user.email, email.toLowerCase()));
	return row;
}

/**
 * Creates an account whose email is already proven (an invitation link, the demo seed), with
 * better-auth's own password hashing.
 */
export async function createVerifiedUser(input: { email: string; name: string; password: string }) {
	const a = await auth();
	const ctx = await a.$context;
	const hash = await ctx.password.hash(input.password);
	const created = await ctx.internalAdapter.createUser(
		{ email: input.email.toLowerCase(), name: input.name, emailVerified: true },
		{ method: 'admin' }
	);
	await ctx.internalAdapter.linkAccount({
		userId: created.id,
		providerId: 'credential',
		accountId: created.id,
		password: hash
	});
	return created;
}
