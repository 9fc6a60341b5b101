// What routes share: the request as the auth service needs it, cookies back to the browser,
// sign-in redirects and safe "next" addresses.
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { FieldErrors } from './validation.ts';
import type { Actor } from './access/index.ts';
import type { CookieToSet, RequestContext } from './auth/service.ts';

export function requestContext(event: RequestEvent): RequestContext {
	return {
		origin: event.url.origin,
		clientAddress: event.getClientAddress(),
		cookie: event.request.headers.get('cookie'),
		userAgent: event.request.headers.get('user-agent')
	};
}

export function applyCookies(event: RequestEvent, cookies: CookieToSet[]) {
	for (const c of cookies) {
		event.cookies.set(c.name, c.value, {
			...c.options,
			httpOnly: true,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:'
		});
	}
}

/** Only a path on this site: never another host ("//evil", "https://…"). */
export function safeNext(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	return value;
}

export function requireUser(event: RequestEvent): Actor {
	const actor = event.locals.actor;
	if (!actor) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/sign-in?next=${encodeURIComponent(next)}`);
	}
	return actor;
}

/** A form comes back with what was typed (never passwords) and a message key per field. */
export function invalid(values: Record<string, string>, errors: FieldErrors, status = 400) {
	const kept: Record<string, string> = {};
	for (const [key, value] of Object.entries(values)) kept[key] = /password/i.test(key) ? '' : value;
	return fail(status, { values: kept, errors });
}
