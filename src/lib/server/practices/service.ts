// The practice library: a city drafts a practice, its coordinator submits it to the network,
// a network admin publishes, returns (with a comment) or rejects it. Every save is a new
// version and every version is kept; the public sees only the published one.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { slugify } from '../cities/service.ts';
import { isUuid } from '../validation.ts';
import type { PracticeInput } from './forms.ts';
import * as queries from './queries.ts';
import { versionOf } from '../cache/queries.ts';
import { MAX_QUERY } from './search-params.ts';
import { bestLinked, searchLibrary, type IndexFacet } from './library.ts';
import type { Facet, SearchState, Sort } from '#lib/practice-search.ts';

export const PAGE_SIZE = 20;

async function optionsOf(d: Db) {
	const [cities, themes, keyFactors, commitments] = await Promise.all([
		queries.listCityOptions(d),
		queries.listThemeOptions(d),
		queries.listKeyFactorOptions(d),
		queries.listCommitmentOptions(d)
	]);
	return { cities, themes, keyFactors, commitments };
}
type Options = Awaited<ReturnType<typeof optionsOf>>;

/** What the form offers to choose from: cities, toolkit themes, key factors, commitments. */
export async function options(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	return optionsOf(await db());
}

/** Keeps only what exists; the owner city is always one of the practice's cities. */
function clean(input: PracticeInput, o: Options, ownerSlug: string) {
	const known = (list: string[], valid: string[]) => [
		...new Set(list.filter((x) => valid.includes(x)))
	];
	const cities = known(
		[ownerSlug, ...input.cities],
		o.cities.map((c) => c.slug)
	);
	return {
		title: input.title,
		cities,
		summary: input.summary,
		description: input.description ?? '',
		periodFrom: input.periodFrom,
		periodTo: input.periodTo,
		themes: known(
			input.themes,
			o.themes.map((t) => t.slug)
		),
		keyFactors: input.keyFactors.filter((k) =>
			o.keyFactors.some((x) => x.benchmark === k.benchmark && x.slug === k.slug)
		),
		commitments: known(
			input.commitments,
			o.commitments.map((c) => c.slug)
		),
		audience: input.audience,
		results: input.results,
		resources: input.resources,
		funding: input.funding,
		partners: input.partners,
		contact: input.contact,
		links: input.links,
		language: input.language
	};
}

async function cityOrNotFound(d: Db, cityId: string) {
	const [c] = (await queries.listCityOptions(d)).filter((x) => x.id === cityId);
	if (!c) error(404, 'Not found');
	return c;
}

/** The city's practices with their status (drafts included: the workspace is private). */
export async function listOfCity(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.draft', { cityId });
	return queries.listOfCity(await db(), cityId);
}

export async function create(actor: Actor | null, cityId: string, input: PracticeInput) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.draft', { cityId });
	const d = await db();
	const owner = await cityOrNotFound(d, cityId);
	const fields = clean(input, await optionsOf(d), owner.slug);
	const base = slugify(input.title) || 'practice';
	let slug = base;
	for (let n = 2; await queries.slugTaken(d, slug); n++) slug = `${base}-${n}`;
	return d.transaction(async (tx) => {
		const p = await queries.insertPractice(tx, { slug, cityId, createdBy: actor.userId });
		const version = await queries.insertVersion(tx, p.id, { ...fields, createdBy: actor.userId });
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'practice.create',
			entityType: 'practice',
			entityId: p.id,
			cityId,
			after: { practice: p, version }
		});
		return p;
	});
}

async function ofCity(d: Db, cityId: string, practiceId: string) {
	if (!isUuid(practiceId)) error(404, 'Not found');
	const p = await queries.findById(d, practiceId);
	if (!p || p.cityId !== cityId) error(404, 'Not found');
	return p;
}

/** One practice as its city sees it: status, the admin's comment, the latest text, versions. */
export async function forCity(actor: Actor | null, cityId: string, practiceId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.draft', { cityId });
	const d = await db();
	const p = await ofCity(d, cityId, practiceId);
	const [latest, versions] = await Promise.all([
		queries.latestVersion(d, p.id),
		queries.listVersions(d, p.id)
	]);
	return { practice: p, latest: latest!, versions };
}

export const editable = ['draft', 'returned', 'published'] as const;
export const submittable = ['draft', 'returned'] as const;

/** Saves the form as a new version; a published practice goes back to draft (the public
 * keeps seeing the published version), a returned one stays returned until resubmitted. */
export async function update(
	actor: Actor | null,
	cityId: string,
	practiceId: string,
	input: PracticeInput
) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.draft', { cityId });
	const d = await db();
	const p = await ofCity(d, cityId, practiceId);
	if (!(editable as readonly string[]).includes(p.status))
		error(409, 'This practice cannot be edited now.');
	const owner = await cityOrNotFound(d, cityId);
	const fields = clean(input, await optionsOf(d), owner.slug);
	return d.transaction(async (tx) => {
		const before = await queries.latestVersion(tx, p.id);
		const version = await queries.insertVersion(tx, p.id, { ...fields, createdBy: actor.userId });
		const after = await queries.updatePractice(tx, p.id, {
			status: p.status === 'published' ? 'draft' : p.status
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'practice.edit',
			entityType: 'practice',
			entityId: p.id,
			cityId,
			before: { status: p.status, version: before },
			after: { status: after.status, version }
		});
		return version;
	});
}

/** The coordinator sends the latest version to the network for review. */
export async function submit(actor: Actor | null, cityId: string, practiceId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.submit', { cityId });
	const d = await db();
	const p = await ofCity(d, cityId, practiceId);
	if (!(submittable as readonly string[]).includes(p.status))
		error(409, 'This practice cannot be submitted now.');
	await d.transaction(async (tx) => {
		const after = await queries.updatePractice(tx, p.id, { status: 'submitted' });
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'practice.submit',
			entityType: 'practice',
			entityId: p.id,
			cityId,
			before: { status: p.status },
			after: { status: after.status }
		});
	});
}

/** Practices waiting for the network's review, oldest first. */
export async function queue(actor: Actor | null) {
	requireAccess(actor, 'practice.review');
	const d = await db();
	const [rows, cities] = await Promise.all([
		queries.listByStatus(d, 'submitted'),
		queries.listCityOptions(d)
	]);
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		updatedAt: r.updatedAt,
		cityName: cities.find((c) => c.id === r.cityId)?.name ?? ''
	}));
}

/** A submitted practice as the reviewer sees it; anything else answers 404. */
export async function forReview(actor: Actor | null, practiceId: string) {
	requireAccess(actor, 'practice.review');
	if (!isUuid(practiceId)) error(404, 'Not found');
	const d = await db();
	const p = await queries.findById(d, practiceId);
	if (!p || p.status !== 'submitted') error(404, 'Not found');
	const latest = (await queries.latestVersion(d, p.id))!;
	return { practice: p, view: await viewOf(d, latest) };
}

export type Decision = 'publish' | 'return' | 'reject';
export type ReviewOutcome = { ok: true } | { ok: false; field: string; error: string };

export async function review(
	actor: Actor | null,
	practiceId: string,
	decision: Decision,
	comment: string
): Promise<ReviewOutcome> {
	requireAccess(actor, 'practice.review');
	if (!isUuid(practiceId)) error(404, 'Not found');
	const d = await db();
	const p = await queries.findById(d, practiceId);
	if (!p || p.status !== 'submitted') error(404, 'Not found');
	if (decision === 'return' && comment.trim() === '') {
		return { ok: false, field: 'comment', error: 'error_practice_comment_required' };
	}
	await d.transaction(async (tx) => {
		const latest = (await queries.latestVersion(tx, p.id))!;
		const set =
			decision === 'publish'
				? {
						status: 'published' as const,
						publishedVersionId: latest.id,
						publishedAt: new Date(),
						reviewComment: null
					}
				: {
						status: decision === 'return' ? ('returned' as const) : ('rejected' as const),
						reviewComment: comment.trim() || null
					};
		const after = await queries.updatePractice(tx, p.id, set);
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: `practice.${decision}`,
			entityType: 'practice',
			entityId: p.id,
			cityId: p.cityId,
			before: { status: p.status, publishedVersionId: p.publishedVersionId },
			after: {
				status: after.status,
				publishedVersionId: after.publishedVersionId,
				reviewComment: after.reviewComment,
				version: latest.number
			}
		});
	});
	return { ok: true };
}

/** A version with what it refers to resolved for display (names, titles, toolkit links). */
async function viewOf(d: Db, v: queries.PracticeVersion) {
	return viewWith(await optionsOf(d), v);
}

function viewWith(o: Options, v: queries.PracticeVersion) {
	return {
		title: v.title,
		number: v.number,
		summary: v.summary,
		description: v.description,
		periodFrom: v.periodFrom,
		periodTo: v.periodTo,
		cities: v.cities.map((slug) => ({
			slug,
			name: o.cities.find((c) => c.slug === slug)?.name ?? slug
		})),
		themes: v.themes.map((slug) => o.themes.find((t) => t.slug === slug)?.title ?? slug),
		keyFactors: v.keyFactors.map((k) => ({
			href: `/toolkits/${k.benchmark}/${k.slug}`,
			title:
				o.keyFactors.find((x) => x.benchmark === k.benchmark && x.slug === k.slug)?.title ?? k.slug
		})),
		commitments: v.commitments.map(
			(slug) => o.commitments.find((c) => c.slug === slug)?.text ?? slug
		),
		audience: v.audience,
		results: v.results,
		resources: v.resources,
		funding: v.funding,
		partners: v.partners,
		contact: v.contact,
		links: v.links,
		sources: v.sources,
		language: v.language,
		createdAt: v.createdAt
	};
}
export type PracticeView = Awaited<ReturnType<typeof viewOf>>;

/**
 * What a version refers to, each with the slug a search filters by (the view above keeps only
 * what a page shows): themes, key factors ("benchmark/key-factor") and Charter commitments.
 */
function refsWith(o: Options, v: queries.PracticeVersion) {
	return {
		themes: v.themes.map((slug) => ({
			slug,
			title: o.themes.find((t) => t.slug === slug)?.title ?? slug
		})),
		keyFactors: v.keyFactors.map((k) => {
			const found = o.keyFactors.find((x) => x.benchmark === k.benchmark && x.slug === k.slug);
			return {
				benchmark: k.benchmark,
				slug: k.slug,
				number: found?.number ?? null,
				title: found?.title ?? k.slug
			};
		}),
		commitments: v.commitments.map((slug) => ({
			slug,
			text: o.commitments.find((c) => c.slug === slug)?.text ?? slug
		}))
	};
}

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

/** The latest version of a city's practice, as the form and the workspace page show it. */
export async function latestView(actor: Actor | null, cityId: string, practiceId: string) {
	const detail = await forCity(actor, cityId, practiceId);
	return { ...detail, view: await viewOf(await db(), detail.latest) };
}
