import type { RequestHandler } from './$types';
import * as practices from '#lib/server/practices/service.ts';
import { parseSearch } from '#lib/server/practices/search-params.ts';
import { respond } from '#lib/server/api/http.ts';
import { rejectIssues, toPracticeSearch } from '#lib/server/api/practices.ts';

/** A search of the published practices: the parameters of the page /practices; 400 to any bad one. */
export const GET: RequestHandler = ({ locals, url }) =>
	respond('public', async () => {
		const { state, issues } = parseSearch(url.searchParams);
		rejectIssues(issues);
		return toPracticeSearch(state, await practices.search(locals.actor, state));
	});
