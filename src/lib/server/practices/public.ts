// What anyone may read of the practice library: its search (words, facets, order, pages),
// a published practice, a city's practices, and what other domains rank or count of them
// (a report's inspiration, the map). Drafts and submitted practices never show here.
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import { versionOf } from '../cache/queries.ts';
import * as queries from './queries.ts';
import { MAX_QUERY } from './search-params.ts';
import { bestLinked, searchLibrary, type IndexFacet } from './library.ts';
import { optionsOf, refsWith, viewWith } from './views.ts';
import type { Facet, SearchState, Sort } from '#lib/practice-search.ts';

/** Results per page of the library. */
export const PAGE_SIZE = 20;

/** How many values of the city facet to show (the rest stay reachable by searching). */
const CITY_FACET_SIZE = 12;

/** A Charter commitment as a short label: its text without the list's closing punctuation. */
const commitmentLabel = (text: string) => text.replace(/[;.,:]\s*$/, '');

/**
 * Published practices matching a search: words (PostgreSQL full-text search in each
 * practice's language, accents ignored) and facet values every result must have, with the
 * count of each facet value among the matches, a page of PAGE_SIZE results (a page out of
 * range is page 1), by relevance or newest first.
 */
export async function search(actor: Actor | null, state: SearchState) {
	requireAccess(actor, 'content.read');
	const d = await db();
	const q = state.q.trim().slice(0, MAX_QUERY) || undefined;
	const sort: Sort = state.sort ?? (q ? 'relevance' : 'newest');
	const page = Number.isInteger(state.page) && state.page >= 1 ? state.page : 1;
	const ask = (at: number) =>
		searchLibrary(
			{
				q,
				filters: {
					themes: state.filters.theme,
					keyFactors: state.filters.keyFactor,
					commitments: state.filters.commitment,
					countries: state.filters.country,
					cities: state.filters.city,
					decades: state.filters.period
				},
				sort,
				limit: PAGE_SIZE,
				offset: (at - 1) * PAGE_SIZE,
				top: { cities: CITY_FACET_SIZE }
			},
			d
		);
	const first = await ask(page);
	const { themes, keyFactors, commitments } = first.labels;
	const total = first.total;
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	// A page out of range is page 1 (asked again: the matches are kept, so it is cheap).
	const answer = page <= pages ? first : await ask(1);
	const current = page <= pages ? page : 1;
	const unordered = await queries.listPublishedByIds(d, answer.ids);
	const rows = answer.ids.flatMap((id) => unordered.filter((r) => r.id === id));

	// Most frequent first (the library's order; cities limited to CITY_FACET_SIZE and those chosen).
	const counted = (facet: IndexFacet) => answer.counts[facet];
	const cityCounts = counted('cities');
	const shownCities = cityCounts.map((c) => c.value);
	const names = await queries.cityNames(d, [
		...new Set([...shownCities, ...state.filters.city, ...rows.flatMap((r) => r.cities)])
	]);
	const nameOf = (slug: string) => names.find((n) => n.slug === slug)?.name ?? slug;

	/** A facet's values among the matches, with the ones chosen that no match has (count 0). */
	const facet = (
		name: Facet,
		found: { value: string; count: number }[],
		label: (value: string) => string | undefined
	) => {
		const chosen = state.filters[name];
		const values = [
			...found,
			...chosen
				.filter((c) => !found.some((f) => f.value === c))
				.map((value) => ({ value, count: 0 }))
		];
		return values.map((x) => ({
			...x,
			label: label(x.value) ?? x.value,
			selected: chosen.includes(x.value)
		}));
	};
	return {
		state: { ...state, page: current },
		sort,
		total,
		page: current,
		pages,
		facets: {
			theme: facet('theme', counted('themes'), (s) => themes.find((t) => t.slug === s)?.title),
			keyFactor: facet('keyFactor', counted('keyFactors'), (s) => {
				const k = keyFactors.find((x) => `${x.benchmark}/${x.slug}` === s);
				return k && `${k.number}. ${k.title}`;
			}),
			commitment: facet('commitment', counted('commitments'), (s) => {
				const c = commitments.find((x) => x.slug === s);
				return c && commitmentLabel(c.text);
			}),
			country: facet('country', counted('countries'), () => undefined),
			city: facet('city', cityCounts, nameOf),
			period: facet(
				'period',
				[...counted('decades')].sort((a, b) => Number(b.value) - Number(a.value)),
				() => undefined
			)
		},
		items: rows.map(({ id: _id, ...r }) => ({
			...r,
			cities: r.cities.map(nameOf),
			citySlugs: r.cities
		}))
	};
}
export type SearchResult = Awaited<ReturnType<typeof search>>;

/** The published practices a city takes part in, for its public page. */
export async function publishedOfCity(actor: Actor | null, citySlug: string) {
	requireAccess(actor, 'content.read');
	return queries.listPublishedOfCity(await db(), citySlug);
}

/**
 * For each of these key factors of a benchmark, the `limit` published practices linked to it
 * whose cities score highest (see library.bestLinked), those of the city `exclude` left out.
 */
export async function bestLinkedToKeyFactors<T extends { score: number }>(
	actor: Actor | null,
	benchmarkSlug: string,
	keyFactorSlugs: string[],
	ranking: { exclude: string; score: (citySlug: string) => T; none: T; limit: number; max: number }
) {
	requireAccess(actor, 'content.read');
	const found = await bestLinked(
		keyFactorSlugs.map((k) => `${benchmarkSlug}/${k}`),
		ranking.exclude,
		ranking.score,
		ranking.none,
		ranking.limit,
		ranking.max
	);
	return new Map(keyFactorSlugs.map((k) => [k, found.get(`${benchmarkSlug}/${k}`) ?? []]));
}

/** Published practices by id, with their published text (in no particular order). */
export async function publishedByIds(actor: Actor | null, ids: string[]) {
	requireAccess(actor, 'content.read');
	return queries.listPublishedByIds(await db(), ids);
}

const seeded = new WeakMap<
	Db,
	{ version: number; rows: Promise<Awaited<ReturnType<typeof queries.listSeededPublished>>> }
>();

/**
 * The texts the seeded practices linked to these key factors quote, by key factor: the
 * library's seeds retell the toolkit's examples word for word (see content/practices.json).
 */
export async function quotedBySeeds(
	actor: Actor | null,
	benchmarkSlug: string,
	keyFactorSlugs: string[]
) {
	requireAccess(actor, 'content.read');
	const asked = [...new Set(keyFactorSlugs)];
	// A few dozen rows (the seeds), filtered here, kept until the library changes: the JSON
	// containment test over every version of a large library would cost more than the report.
	const d = await db();
	const version = await versionOf(d, 'practices');
	let entry = seeded.get(d);
	if (entry?.version !== version) {
		// A promise (a query builder alone would run again at each await).
		const rows = Promise.resolve(queries.listSeededPublished(d));
		entry = { version, rows };
		seeded.set(d, entry);
		rows.catch(() => {
			if (seeded.get(d)?.rows === rows) seeded.delete(d);
		});
	}
	const rows = await entry.rows;
	return new Map(
		asked.map((k) => [
			k,
			new Set(
				rows
					.filter((r) => r.keyFactors.some((x) => x.benchmark === benchmarkSlug && x.slug === k))
					.flatMap((r) => r.sources.map((s) => s.quote))
			)
		])
	);
}

/**
 * How many published practices each city takes part in, by city slug (cities in none are
 * absent). Drafts, practices waiting for review and a published practice's newer unpublished
 * versions do not count: only what the public sees.
 */
export async function publishedCountByCity(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	return queries.countPublishedByCity(await db());
}

/** The published version of a practice; undefined for an unknown or unpublished one. */
export async function publishedBySlug(actor: Actor | null, slug: string) {
	requireAccess(actor, 'content.read');
	if (!slug || slug.length > 200) return undefined;
	const d = await db();
	const p = await queries.findBySlug(d, slug);
	if (!p?.publishedVersionId) return undefined;
	const v = await queries.findVersion(d, p.publishedVersionId);
	if (!v) return undefined;
	const o = await optionsOf(d);
	return {
		slug: p.slug,
		publishedAt: p.publishedAt,
		fromSeed: p.fromSeed,
		view: viewWith(o, v),
		refs: refsWith(o, v)
	};
}
