// The practice library as the API gives it: a search (the same URL parameters as the page,
// /practices) and one published practice. No row id leaves: a practice is named by its slug.
import { error } from '@sveltejs/kit';
import { m } from '../../paraglide/messages.js';
import { facets, type SearchState } from '#lib/practice-search.ts';
import type * as practices from '../practices/service.ts';
import { PAGE_SIZE } from '../practices/service.ts';
import type { SearchIssue } from '../practices/search-params.ts';

type SearchResult = practices.SearchResult;
type Published = NonNullable<Awaited<ReturnType<typeof practices.publishedBySlug>>>;

/** The page of a practice on this site. */
const href = (slug: string) => `/practices/${slug}`;

/** The English text of a message key (as parseSearch gives them); the key itself if unknown. */
function english(key: string): string {
	const message = (m as unknown as Record<string, unknown>)[key];
	return typeof message === 'function'
		? (message as (inputs: object, options: { locale: 'en' }) => string)({}, { locale: 'en' })
		: key;
}

/**
 * A search the API cannot answer as asked: 400, naming each parameter not understood (the
 * page shows the library without them; a program should know its request was wrong).
 */
export function rejectIssues(issues: SearchIssue[]) {
	if (issues.length === 0) return;
	error(400, issues.map((i) => `Parameter "${i.param}": ${english(i.message)}.`).join(' '));
}

export function toPracticeSearch(asked: SearchState, r: SearchResult) {
	const filters = Object.fromEntries(facets.map((f) => [f, asked.filters[f]])) as Record<
		(typeof facets)[number],
		string[]
	>;
	return {
		total: r.total,
		page: r.page,
		pages: r.pages,
		pageSize: PAGE_SIZE,
		sort: r.sort,
		query: { q: asked.q, filters, sort: asked.sort, page: asked.page },
		facets: Object.fromEntries(
			facets.map((f) => [
				f,
				r.facets[f].map((x) => ({
					value: x.value,
					label: x.label,
					count: x.count,
					selected: x.selected
				}))
			])
		) as Record<
			(typeof facets)[number],
			{ value: string; label: string; count: number; selected: boolean }[]
		>,
		practices: r.items.map((p) => ({
			slug: p.slug,
			title: p.title,
			summary: p.summary,
			cities: p.citySlugs.map((slug, i) => ({ slug, name: p.cities[i] ?? slug })),
			periodFrom: p.periodFrom,
			periodTo: p.periodTo,
			language: p.language,
			publishedAt: p.publishedAt.toISOString(),
			href: href(p.slug)
		}))
	};
}

export function toPractice(p: Published) {
	const v = p.view;
	return {
		slug: p.slug,
		title: v.title,
		cities: v.cities,
		summary: v.summary,
		description: v.description,
		periodFrom: v.periodFrom,
		periodTo: v.periodTo,
		themes: p.refs.themes,
		keyFactors: p.refs.keyFactors,
		commitments: p.refs.commitments,
		audience: v.audience,
		results: v.results,
		resources: v.resources,
		funding: v.funding,
		partners: v.partners,
		contact: v.contact,
		links: v.links,
		sources: v.sources.map((s) => ({ document: s.document, quote: s.quote })),
		language: v.language,
		version: v.number,
		publishedAt: (p.publishedAt ?? v.createdAt).toISOString(),
		href: href(p.slug)
	};
}
