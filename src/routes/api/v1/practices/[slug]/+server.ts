import type { RequestHandler } from './$types';
import * as practices from '#lib/server/practices/service.ts';
import { notFound, respond, slugParam } from '#lib/server/api/http.ts';
import { toPractice } from '#lib/server/api/practices.ts';

/** One published practice, as the public sees it; unknown or not published: 404. */
export const GET: RequestHandler = ({ locals, params }) =>
	respond('public', async () => {
		const found = await practices.publishedBySlug(locals.actor, slugParam(params.slug));
		return found ? toPractice(found) : notFound();
	});
