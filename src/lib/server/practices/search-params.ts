// The search of the practice library as URL parameters, checked on the server (the page and
// the API read the same ones; see src/lib/practice-search.ts for how links write them).
import * as v from 'valibot';
import {
	emptyFilters,
	facetParam,
	facets,
	sorts,
	type Facet,
	type SearchState
} from '#lib/practice-search.ts';

export const MAX_QUERY = 200;
/** Values per facet: more than a person would choose, few enough to keep a search cheap. */
export const MAX_VALUES = 10;
/** The highest page number read (six digits); a page past the last is answered with page 1. */
export const MAX_PAGE = 999_999;

const slug = /^[a-z0-9][a-z0-9-]{0,119}$/;
/** What a value of each facet looks like (the API's description states the same patterns). */
export const formats: Record<Facet, RegExp> = {
	theme: slug,
	keyFactor: /^[a-z0-9][a-z0-9-]{0,119}\/[a-z0-9][a-z0-9-]{0,119}$/,
	commitment: slug,
	country: /^[A-Z]{2}$/,
	city: slug,
	period: /^(19|20)\d0$/
};

const query = v.pipe(v.string(), v.trim(), v.maxLength(MAX_QUERY, 'error_practices_query_long'));
const values = (facet: Facet) =>
	v.pipe(
		v.array(v.pipe(v.string(), v.regex(formats[facet], 'error_practices_filter_invalid'))),
		v.maxLength(MAX_VALUES, 'error_practices_filter_many')
	);
const sort = v.nullable(v.picklist(sorts, 'error_practices_sort_invalid'));
const page = v.pipe(
	v.string(),
	v.regex(/^\d{1,6}$/, 'error_practices_page_invalid'),
	v.transform(Number),
	v.minValue(1, 'error_practices_page_invalid')
);

/** A parameter that was not understood, with the key of the message saying why. */
export interface SearchIssue {
	param: string;
	message: string;
}

/**
 * The search a URL asks for. What cannot be understood is left out of the search (a shared
 * link with a mistyped value still shows the library) and reported: the page shows the
 * message next to the search box, the API answers 400 with it.
 */
export function parseSearch(params: URLSearchParams): {
	state: SearchState;
	issues: SearchIssue[];
} {
	const issues: SearchIssue[] = [];
	const state: SearchState = { q: '', filters: emptyFilters(), sort: null, page: 1 };

	const q = v.safeParse(query, params.get('q') ?? '');
	if (q.success) state.q = q.output;
	else issues.push({ param: 'q', message: q.issues[0].message });

	for (const facet of facets) {
		const name = facetParam[facet];
		const given = [...new Set(params.getAll(name))];
		const parsed = v.safeParse(values(facet), given);
		if (parsed.success) state.filters[facet] = parsed.output;
		else {
			issues.push({ param: name, message: parsed.issues[0].message });
			state.filters[facet] = given
				.filter((value) => formats[facet].test(value))
				.slice(0, MAX_VALUES);
		}
	}

	const s = v.safeParse(sort, params.get('sort'));
	if (s.success) state.sort = s.output;
	else issues.push({ param: 'sort', message: s.issues[0].message });

	const p = params.get('page');
	if (p !== null) {
		const parsed = v.safeParse(page, p);
		if (parsed.success) state.page = parsed.output;
		else issues.push({ param: 'page', message: parsed.issues[0].message });
	}
	return { state, issues };
}
