import type { PageServerLoad } from './$types';
import * as practices from '#lib/server/practices/service.ts';
import { parseSearch } from '#lib/server/practices/search-params.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { state, issues } = parseSearch(url.searchParams);
	const queryIssue = issues.find((i) => i.param === 'q');
	return {
		result: await practices.search(locals.actor, state),
		// Words too long are not searched for; the box keeps them, with the reason beside it.
		typed: queryIssue ? (url.searchParams.get('q') ?? '') : state.q,
		errors: queryIssue ? { q: queryIssue.message } : undefined,
		leftOut: issues.some((i) => i.param !== 'q')
	};
};
