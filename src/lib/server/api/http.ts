// What every /api/v1 handler shares: JSON responses with their cache policy, errors in one
// JSON shape (kit's HttpErrors thrown by the services included), and checks of the path and
// query parameters so that bad input answers 400 or 404, never 500.
import { error, isHttpError, isRedirect, json } from '@sveltejs/kit';

/** Public content: the same for everyone, so shared caches may keep it for five minutes. */
export const PUBLIC_CACHE = 'public, max-age=300';
/** A person's own view (a city's members): never stored by any cache. */
export const PRIVATE_CACHE = 'private, no-store';
/** Errors are not cached: a 404 may become a 200 as soon as content is added. */
export const ERROR_CACHE = 'no-store';

export type Visibility = 'public' | 'private';

export interface ApiError {
	error: { status: number; message: string };
}

export function errorBody(status: number, message: string): ApiError {
	return { error: { status, message } };
}

/** A JSON error response in the API's shape. */
export function errorResponse(status: number, message: string, visibility: Visibility = 'public') {
	return json(errorBody(status, message), {
		status,
		headers: { 'cache-control': visibility === 'private' ? PRIVATE_CACHE : ERROR_CACHE }
	});
}

/**
 * Runs a handler and answers with its result as JSON. HttpErrors thrown by the services
 * (401 without a session, 404 for another city, …) become `{ error: { status, message } }`;
 * anything unexpected is logged and answers 500 in the same shape, without details.
 *
 * `visibility` may also be decided from the result (an assessment is public only once
 * published): errors of such an endpoint are then answered as private.
 */
export async function respond<T>(
	visibility: Visibility | ((data: T) => Visibility),
	run: () => Promise<T>
) {
	const onError = typeof visibility === 'function' ? 'private' : visibility;
	try {
		const data = await run();
		const decided = typeof visibility === 'function' ? visibility(data) : visibility;
		return json(data, {
			headers:
				decided === 'private'
					? { 'cache-control': PRIVATE_CACHE }
					: // Open data: any website may read the public endpoints from the browser.
						{ 'cache-control': PUBLIC_CACHE, 'access-control-allow-origin': '*' }
		});
	} catch (e) {
		if (isHttpError(e)) return errorResponse(e.status, e.body.message, onError);
		if (isRedirect(e)) throw e;
		console.error(e);
		return errorResponse(500, 'Internal error', onError);
	}
}

export function notFound(): never {
	error(404, 'Not found');
}

/** Slugs are lowercase words joined by hyphens; this bounds what reaches the database. */
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
export const SLUG_MAX_LENGTH = 120;
const slugRegExp = new RegExp(SLUG_PATTERN);

/** A slug from the path; anything that cannot be a slug names nothing, so it is a 404. */
export function slugParam(value: string | undefined): string {
	if (!value || value.length > SLUG_MAX_LENGTH || !slugRegExp.test(value)) notFound();
	return value;
}

export const VERSION_MAX = 999_999;

/** `?version=N`, a whole number from 1; absent means the current version, anything else is a 400. */
export function versionParam(url: URL): number | undefined {
	const raw = url.searchParams.get('version');
	if (raw === null) return undefined;
	const version = /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
	if (version < 1 || version > VERSION_MAX) {
		error(400, `version must be a whole number from 1 to ${VERSION_MAX}`);
	}
	return version;
}
