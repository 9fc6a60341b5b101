// How cities compare, over the assessments they shared: for each key factor the network's
// distribution of scores (overall and within peer groups of similar cities), where one city
// stands in it, and which cities could mentor it. Every function starts with an access check.
//
// What counts: each city's latest submitted assessment of the benchmark among those it shared
// with the network or published. A private assessment, a draft, or an older cycle never counts.
// Names: another city is named only to a reader who may read its assessment (published: all;
// shared with the network: network admins); to anyone else it is a number.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import {
	canReadAssessment,
	isNetworkAdmin,
	requireAssessmentAccess,
	type Actor
} from '../access/index.ts';
import * as benchmarks from '../benchmarks/service.ts';
import * as cityQueries from '../cities/queries.ts';
import {
	comparePeerGroups,
	likeness,
	peerGroupKey,
	peerGroupOf,
	samePeerGroup,
	type Likeness,
	type PeerGroup
} from '../cities/similar.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';
import * as q from './distribution-queries.ts';
import { quartiles, roundScore, type Quartiles } from './scoring.ts';

/**
 * Fewer cities than this in a group, and a city's reader sees no figures for it: with two or
 * three cities, the minimum and maximum would be other cities' own scores. Network admins,
 * who may read every shared assessment, see all figures.
 */
export const MIN_CITIES = 5;
/** How many cities scoring higher to name per key factor (the highest). */
export const ABOVE_NAMED = 5;
/** How many named mentors to suggest per key factor. */
export const MENTORS = 5;
/** For how many of the weakest key factors the report suggests mentors. */
export const MENTORED_KEY_FACTORS = 3;

export type Position = 'below_q1' | 'q1_median' | 'median_q3' | 'above_q3';

/**
 * Where a score falls among the quartiles. A score on a boundary counts in the part above it,
 * so that a city tied with most others at the top (all at 100) is "between median and Q3",
 * not below the median.
 */
export function positionIn(score: number, figures: Quartiles): Position {
	if (score > figures.q3) return 'above_q3';
	if (score >= figures.median) return 'median_q3';
	if (score >= figures.q1) return 'q1_median';
	return 'below_q1';
}

// ---------------------------------------------------------------- the shared data, kept

interface SharedCity extends q.SharedCity {
	peerGroup: PeerGroup;
	/** Its place in Snapshot.cities, to keep per-reader facts in a typed array. */
	index: number;
}

interface Entry {
	city: SharedCity;
	score: number;
	meetsStandard: boolean;
}

interface Snapshot {
	cities: SharedCity[];
	/** Per key factor slug, every city's score, highest first. */
	byKeyFactor: Map<string, Entry[]>;
	/** Figures already computed, by peer group ('' for all) and key factor slug. */
	figures: Map<string, Quartiles | null>;
	/** Entries of a peer group, by peer group and key factor slug, highest first (kept). */
	groups: Map<string, Entry[]>;
	/** namesFor's answers, by reader (their roles), a few kept. */
	names: Map<string, Uint8Array>;
	/** likenessByCity's answers, by the traits compared (peer group and country). */
	likeness: Map<string, Uint8Array>;
}

/**
 * The shared scores of a benchmark are computed once and kept until an assessment of it is
 * submitted, reopened, shared or deleted (see sharedFingerprint): a page then costs one small
 * query. Kept per database, so that tests opening several never see each other's figures.
 */
const snapshots = new WeakMap<Db, Map<string, { fingerprint: string; data: Promise<Snapshot> }>>();

async function snapshot(d: Db, benchmarkSlug: string): Promise<Snapshot> {
	const fingerprint = await q.sharedFingerprint(d, benchmarkSlug);
	let kept = snapshots.get(d);
	if (!kept) snapshots.set(d, (kept = new Map()));
	const hit = kept.get(benchmarkSlug);
	if (hit?.fingerprint === fingerprint) return hit.data;
	const data = readSnapshot(d, benchmarkSlug);
	const entry = { fingerprint, data };
	kept.set(benchmarkSlug, entry);
	data.catch(() => {
		if (kept.get(benchmarkSlug) === entry) kept.delete(benchmarkSlug);
	});
	return data;
}

async function readSnapshot(d: Db, benchmarkSlug: string): Promise<Snapshot> {
	const { cities, scores } = await q.readShared(d, benchmarkSlug);
	const byAssessment = new Map<string, SharedCity>();
	for (const c of cities) {
		byAssessment.set(c.assessmentId, { ...c, peerGroup: peerGroupOf(c), index: byAssessment.size });
	}
	const byKeyFactor = new Map<string, Entry[]>();
	for (const s of scores) {
		const city = byAssessment.get(s.assessmentId);
		if (!city) continue;
		let list = byKeyFactor.get(s.keyFactorSlug);
		if (!list) byKeyFactor.set(s.keyFactorSlug, (list = []));
		list.push({ city, score: s.score, meetsStandard: s.meetsStandard });
	}
	for (const list of byKeyFactor.values()) {
		list.sort((a, b) => b.score - a.score || a.city.name.localeCompare(b.city.name));
	}
	return {
		cities: [...byAssessment.values()],
		byKeyFactor,
		figures: new Map(),
		groups: new Map(),
		names: new Map(),
		likeness: new Map()
	};
}

/**
 * A key factor's entries, overall or within a peer group, highest first; with their scores and
 * city indexes side by side in typed arrays, so that a report's loops over thousands of cities
 * read two small arrays instead of chasing an object per city.
 */
interface Ranking {
	entries: Entry[];
	scores: Float64Array;
	cities: Uint32Array;
	/** 1 where the city meets the standard on this key factor. */
	meets: Uint8Array;
}

const rankings = new WeakMap<Entry[], Ranking>();

function rankingOf(entries: Entry[]): Ranking {
	let r = rankings.get(entries);
	if (!r) {
		r = {
			entries,
			scores: Float64Array.from(entries, (e) => e.score),
			cities: Uint32Array.from(entries, (e) => e.city.index),
			meets: Uint8Array.from(entries, (e) => (e.meetsStandard ? 1 : 0))
		};
		rankings.set(entries, r);
	}
	return r;
}

function entriesOf(data: Snapshot, keyFactorSlug: string, group: PeerGroup | null): Entry[] {
	const all = data.byKeyFactor.get(keyFactorSlug) ?? [];
	if (!group) return all;
	const key = `${peerGroupKey(group)}/${keyFactorSlug}`;
	let entries = data.groups.get(key);
	if (!entries) {
		entries = all.filter((e) => samePeerGroup(e.city.peerGroup, group));
		data.groups.set(key, entries);
	}
	return entries;
}

/** The five-number summary of a key factor's scores, overall or within a peer group. */
function figuresOf(data: Snapshot, keyFactorSlug: string, group: PeerGroup | null) {
	const key = `${group ? peerGroupKey(group) : ''}/${keyFactorSlug}`;
	if (!data.figures.has(key)) {
		const entries = entriesOf(data, keyFactorSlug, group);
		data.figures.set(key, quartiles(entries.map((e) => e.score)));
	}
	return data.figures.get(key)!;
}

/** How many entries score higher than `score` (they are sorted highest first). */
function countAbove(scores: Float64Array, score: number): number {
	let low = 0;
	let high = scores.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (scores[mid]! > score) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** May this reader see the other city's name (and so its score)? */
function canName(actor: Actor | null, c: SharedCity): boolean {
	return canReadAssessment(actor, {
		cityId: c.cityId,
		visibility: c.visibility,
		status: 'submitted'
	});
}

/** How many readers' answers namesFor keeps per snapshot (10 KB each with 10,000 cities). */
const READERS_KEPT = 200;

/**
 * canName for every city of the snapshot, by city index: asked once per kind of reader (what
 * canName depends on is the reader's roles) and kept with the snapshot, since a report asks
 * about every city for each key factor and the answer is the same until the snapshot changes.
 */
function namesFor(actor: Actor | null, data: Snapshot): Uint8Array {
	const key = JSON.stringify(
		(actor?.memberships ?? []).map((m) => `${m.role}:${m.cityId ?? ''}`).sort()
	);
	let nameable = data.names.get(key);
	if (!nameable) {
		nameable = new Uint8Array(data.cities.length);
		for (const c of data.cities) nameable[c.index] = canName(actor, c) ? 1 : 0;
		if (data.names.size >= READERS_KEPT) data.names.delete(data.names.keys().next().value!);
		data.names.set(key, nameable);
	}
	return nameable;
}

async function currentBenchmark(actor: Actor | null, slug: string) {
	const b = await benchmarks.getBenchmark(actor, slug);
	if (!b) error(404, 'Not found');
	return b;
}

// ---------------------------------------------------------------- network admins

export interface PeerGroupCount {
	group: PeerGroup;
	key: string;
	cities: number;
}

/**
 * The distribution of each key factor's scores over the cities that shared: overall, or
 * within one peer group. For network admins only.
 */
export async function networkDistribution(
	actor: Actor | null,
	benchmarkSlug: string,
	peerGroup: PeerGroup | null = null
) {
	if (!isNetworkAdmin(actor)) {
		if (!actor) error(401, 'Sign in to continue.');
		error(403, 'You do not have access to this.');
	}
	const b = await currentBenchmark(actor, benchmarkSlug);
	const data = await snapshot(await db(), b.slug);
	const groups = new Map<string, PeerGroupCount>();
	for (const c of data.cities) {
		const key = peerGroupKey(c.peerGroup);
		const g = groups.get(key) ?? { group: c.peerGroup, key, cities: 0 };
		g.cities += 1;
		groups.set(key, g);
	}
	const cities = peerGroup
		? data.cities.filter((c) => samePeerGroup(c.peerGroup, peerGroup)).length
		: data.cities.length;
	return {
		benchmark: { slug: b.slug, title: b.title, version: b.version, language: b.language },
		peerGroup,
		cities,
		peerGroups: [...groups.values()].sort((x, y) => comparePeerGroups(x.group, y.group)),
		keyFactors: b.keyFactors.map((k) => ({
			number: k.number,
			slug: k.slug,
			title: k.title,
			figures: figuresOf(data, k.slug, peerGroup)
		}))
	};
}

export type NetworkDistribution = Awaited<ReturnType<typeof networkDistribution>>;

// ---------------------------------------------------------------- one city's standing

interface Context {
	actor: Actor | null;
	assessment: queries.Assessment;
	city: cityQueries.City;
	peerGroup: PeerGroup;
	language: string;
	keyFactors: { number: number; slug: string; title: string }[];
	own: Map<string, { score: number; meetsStandard: boolean }>;
	data: Snapshot;
	/** By city index: 1 where this reader may see the city's name (see canName). */
	nameable: Uint8Array;
	/** The index of this assessment's city in the snapshot, or -1 when it has not shared. */
	ownIndex: number;
}

async function contextOf(actor: Actor | null, assessmentId: string): Promise<Context> {
	if (!isUuid(assessmentId)) error(404, 'Not found');
	const d = await db();
	const a = await queries.findAssessment(d, assessmentId);
	if (!a) error(404, 'Not found');
	requireAssessmentAccess(actor, a, 'assessment.read');
	const [city, b, own, data] = await Promise.all([
		cityQueries.findCityById(d, a.cityId),
		benchmarks.getBenchmarkById(actor, a.benchmarkId),
		q.listScoresOfAssessment(d, a.id),
		snapshot(d, a.benchmarkSlug)
	]);
	if (!city) error(404, 'Not found');
	if (!b) error(500, 'The benchmark of this assessment is missing.');
	return {
		actor,
		assessment: a,
		city,
		peerGroup: peerGroupOf(city),
		language: b.language,
		keyFactors: b.keyFactors.map((k) => ({ number: k.number, slug: k.slug, title: k.title })),
		own: new Map(own.map((s) => [s.keyFactorSlug, s])),
		data,
		nameable: namesFor(actor, data),
		ownIndex: data.cities.find((c) => c.cityId === city.id)?.index ?? -1
	};
}

export interface Standing {
	/** Cities in the group with a score for this key factor. */
	count: number;
	/** Null when there is none, or too few for this reader (MIN_CITIES). Unrounded. */
	figures: Quartiles | null;
	position: Position | null;
	/**
	 * Cities with a higher score: the highest ABOVE_NAMED of those the reader may read the
	 * assessment of by name, how many more of those there are, and how many others.
	 */
	above: {
		named: { name: string; slug: string; score: number | null }[];
		moreNamed: number;
		unnamed: number;
	};
}

function standing(
	ctx: Context,
	keyFactorSlug: string,
	group: PeerGroup | null,
	score: number | null
): Standing {
	const entries = entriesOf(ctx.data, keyFactorSlug, group);
	const visible = isNetworkAdmin(ctx.actor) || entries.length >= MIN_CITIES;
	const figures = visible ? figuresOf(ctx.data, keyFactorSlug, group) : null;
	const above: Standing['above'] = { named: [], moreNamed: 0, unnamed: 0 };
	if (visible && score !== null) {
		const { scores, cities } = rankingOf(entries);
		const count = countAbove(scores, score);
		for (let i = 0; i < count; i++) {
			const c = cities[i]!;
			if (c === ctx.ownIndex) continue;
			if (ctx.nameable[c] === 0) {
				above.unnamed += 1;
			} else if (above.named.length < ABOVE_NAMED) {
				const e = entries[i]!;
				above.named.push({ name: e.city.name, slug: e.city.slug, score: roundScore(e.score) });
			} else {
				above.moreNamed += 1;
			}
		}
	}
	return {
		count: entries.length,
		figures,
		position: figures && score !== null ? positionIn(score, figures) : null,
		above
	};
}

function positionOf(ctx: Context) {
	const shared = ctx.data.cities.some((c) => c.assessmentId === ctx.assessment.id);
	return {
		assessmentId: ctx.assessment.id,
		benchmarkSlug: ctx.assessment.benchmarkSlug,
		city: { id: ctx.city.id, slug: ctx.city.slug, name: ctx.city.name },
		/** Whether this assessment itself is among the figures (the city's latest shared one). */
		counted: shared,
		/** Cities whose latest shared assessment counts. */
		cities: ctx.data.cities.length,
		/** The language of the benchmark's content (key factor titles). */
		language: ctx.language,
		peerGroup: ctx.peerGroup,
		minCities: MIN_CITIES,
		keyFactors: ctx.keyFactors.map((k) => {
			const own = ctx.own.get(k.slug);
			const score = own?.score ?? null;
			return {
				number: k.number,
				slug: k.slug,
				title: k.title,
				score,
				meetsStandard: own ? own.meetsStandard : null,
				overall: standing(ctx, k.slug, null, score),
				peers: standing(ctx, k.slug, ctx.peerGroup, score)
			};
		})
	};
}

/** Where the city of this assessment stands, key factor by key factor, among cities that shared. */
export async function cityPosition(actor: Actor | null, assessmentId: string) {
	return positionOf(await contextOf(actor, assessmentId));
}

export type CityPosition = Awaited<ReturnType<typeof cityPosition>>;

// ---------------------------------------------------------------- mentors

export interface Mentor {
	name: string;
	slug: string;
	country: string;
	score: number | null;
	likeness: Likeness;
	samePeerGroup: boolean;
}

/**
 * likeness().score of every city of the snapshot to this one, by city index; kept with the
 * snapshot for cities with the same traits (peer group and country).
 */
function likenessByCity(ctx: Context): Uint8Array {
	const own = ctx.peerGroup;
	const key = `${peerGroupKey(own)}|${ctx.city.country}`;
	let like = ctx.data.likeness.get(key);
	if (!like) {
		like = new Uint8Array(ctx.data.cities.length);
		for (const c of ctx.data.cities) {
			const population = own.population !== 'unknown' && own.population === c.peerGroup.population;
			const share = own.migrantShare !== 'unknown' && own.migrantShare === c.peerGroup.migrantShare;
			like[c.index] = +population + +share + +(ctx.city.country === c.country);
		}
		ctx.data.likeness.set(key, like);
	}
	return like;
}

function mentorsOf(ctx: Context, keyFactor: { number: number; slug: string; title: string }) {
	const entries = ctx.data.byKeyFactor.get(keyFactor.slug) ?? [];
	const { cities, meets } = rankingOf(entries);
	const like = likenessByCity(ctx);
	// Mentors rank by likeness, then score, then name. The entries are already by score, then
	// name: so the first MENTORS nameable ones of each likeness are that likeness's best, and
	// one pass over typed arrays finds them without sorting thousands of cities.
	const byLikeness: number[][] = [[], [], [], []];
	let unnamed = 0;
	for (let i = 0; i < entries.length; i++) {
		const c = cities[i]!;
		if (meets[i] === 0 || c === ctx.ownIndex) continue;
		if (ctx.nameable[c] === 0) {
			unnamed += 1;
			continue;
		}
		const bucket = byLikeness[like[c]!]!;
		if (bucket.length < MENTORS) bucket.push(i);
	}
	const best = [3, 2, 1, 0].flatMap((l) => byLikeness[l]!).slice(0, MENTORS);
	const mentors: Mentor[] = best.map((i) => {
		const e = entries[i]!;
		return {
			name: e.city.name,
			slug: e.city.slug,
			country: e.city.country,
			score: roundScore(e.score),
			likeness: likeness(ctx.city, e.city),
			samePeerGroup: samePeerGroup(ctx.peerGroup, e.city.peerGroup)
		};
	});
	return {
		number: keyFactor.number,
		slug: keyFactor.slug,
		title: keyFactor.title,
		mentors,
		unnamed
	};
}

/**
 * Cities that shared and meet the standard on this key factor, as possible mentors: cities
 * like this one first (same population band, migrant-share band, country), then the strongest.
 * Those the reader may not name are only counted (`unnamed`).
 */
export async function possibleMentors(
	actor: Actor | null,
	assessmentId: string,
	keyFactorSlug: string
) {
	const ctx = await contextOf(actor, assessmentId);
	const k = ctx.keyFactors.find((x) => x.slug === keyFactorSlug);
	if (!k) error(404, 'Not found');
	return mentorsOf(ctx, k);
}

export type PossibleMentors = Awaited<ReturnType<typeof possibleMentors>>;

// ---------------------------------------------------------------- for the report

/**
 * Everything CityPosition.svelte shows, for the report pages' loads: the standing per key
 * factor, and possible mentors for the weakest key factors that do not meet the standard.
 */
export async function positionForReport(actor: Actor | null, assessmentId: string) {
	const ctx = await contextOf(actor, assessmentId);
	const position = positionOf(ctx);
	const weakest = position.keyFactors
		.filter((k) => k.score !== null && k.meetsStandard === false)
		.sort((a, b) => a.score! - b.score! || a.number - b.number)
		.slice(0, MENTORED_KEY_FACTORS);
	return {
		...position,
		keyFactors: position.keyFactors.map((k) => ({
			...k,
			score: roundScore(k.score),
			overall: rounded(k.overall),
			peers: rounded(k.peers)
		})),
		mentors: weakest.map((k) => mentorsOf(ctx, k))
	};
}

export type PositionForReport = Awaited<ReturnType<typeof positionForReport>>;

/** Figures as whole percentages, as the report shows scores (the position stays exact). */
function rounded(s: Standing) {
	const r = (n: number) => roundScore(n)!;
	return {
		...s,
		figures: s.figures && {
			count: s.figures.count,
			min: r(s.figures.min),
			q1: r(s.figures.q1),
			median: r(s.figures.median),
			q3: r(s.figures.q3),
			max: r(s.figures.max)
		}
	};
}
