// A search of the practice library as a URL: `/practices?q=…&theme=…&sort=newest&page=2`.
// The page, its links and the API read and write the same parameters, so any search can be
// shared, bookmarked or opened without JavaScript.

export const sorts = ['relevance', 'newest'] as const;
export type Sort = (typeof sorts)[number];

/** The facets in the order the page shows them, each with its URL parameter. */
export const facets = ['theme', 'keyFactor', 'commitment', 'country', 'city', 'period'] as const;
export type Facet = (typeof facets)[number];

export const facetParam: Record<Facet, string> = {
	theme: 'theme',
	keyFactor: 'kf',
	commitment: 'commitment',
	country: 'country',
	city: 'city',
	period: 'period'
};

export interface SearchState {
	q: string;
	filters: Record<Facet, string[]>;
	/** Absent: relevance when there are words, else newest. */
	sort: Sort | null;
	page: number;
}

export function emptyFilters(): Record<Facet, string[]> {
	return { theme: [], keyFactor: [], commitment: [], country: [], city: [], period: [] };
}

/** The query string of a search (parameters in a fixed order; page 1 and defaults left out). */
export function searchQuery(state: SearchState): string {
	const params = new URLSearchParams();
	if (state.q) params.set('q', state.q);
	for (const f of facets) for (const value of state.filters[f]) params.append(facetParam[f], value);
	if (state.sort) params.set('sort', state.sort);
	if (state.page > 1) params.set('page', String(state.page));
	const query = params.toString();
	return query ? `?${query}` : '?';
}

/** The same search with a facet value added or taken away, from its first page. */
export function toggled(state: SearchState, facet: Facet, value: string): string {
	const current = state.filters[facet];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
	return searchQuery({ ...state, filters: { ...state.filters, [facet]: next }, page: 1 });
}

export function withPage(state: SearchState, page: number): string {
	return searchQuery({ ...state, page });
}

export function withSort(state: SearchState, sort: Sort): string {
	return searchQuery({ ...state, sort, page: 1 });
}
