import type { Handle, ServerInit } from '@sveltejs/kit/hooks';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/env';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { cookieName, getLocale, getTextDirection } from '#lib/paraglide/runtime.js';
import { closeDatabase, startDatabase } from '#lib/server/db/index.ts';
import * as content from '#lib/server/content/service.ts';
import * as auth from '#lib/server/auth/service.ts';
import { startScheduler } from '#lib/server/jobs/scheduler.ts';
import { warmLibrary } from '#lib/server/practices/library.ts';

export const init: ServerInit = async () => {
	if (building) return;
	await startDatabase();
	await content.seedAtStart({ demo: process.env.DEMO === '1' });
	const stopJobs = startScheduler();
	void warmLibrary().catch((e) => console.error('Loading the practice library ahead failed:', e));
	// Without this the server never finishes a SIGTERM while the database is open. Requests
	// (their sockets may already be closed) and a daily job still running finish first, for
	// at most ten seconds, so that none of them meets a closed database.
	process.once(
		'sveltekit:shutdown',
		() => void Promise.all([drained(10_000), within(10_000, stopJobs())]).then(closeDatabase)
	);
};

let inFlight = 0;
let onIdle: (() => void) | null = null;

/** Resolves once no request is being answered, or after `ms`. */
function drained(ms: number): Promise<void> {
	if (inFlight === 0) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, ms);
		timer.unref();
		onIdle = () => {
			clearTimeout(timer);
			resolve();
		};
	});
}

function within(ms: number, work: Promise<void>): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, ms);
		timer.unref();
		void work.finally(() => {
			clearTimeout(timer);
			resolve();
		});
	});
}

const counted: Handle = async ({ event, resolve }) => {
	inFlight += 1;
	try {
		return await resolve(event);
	} finally {
		inFlight -= 1;
		if (inFlight === 0) onIdle?.();
	}
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html
					.replace('%paraglide.lang%', locale)
					.replace('%paraglide.dir%', getTextDirection(locale))
		})
	);

const session: Handle = async ({ event, resolve }) => {
	const actor = await auth.actorFrom(event.request.headers);
	event.locals.actor = actor;
	// The language a person chose (or their browser asks for) is kept for the mails they get
	// while away; a program's request naming no language changes nothing.
	const chosen =
		event.cookies.get(cookieName) !== undefined || event.request.headers.has('accept-language');
	if (actor && chosen) await auth.rememberLocale(actor, getLocale());
	return resolve(event);
};

const headers: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	response.headers.set('permissions-policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.actor && !response.headers.has('cache-control')) {
		response.headers.set('cache-control', 'private, no-store');
	}
	return response;
};

export const handle = sequence(counted, i18n, session, headers);
