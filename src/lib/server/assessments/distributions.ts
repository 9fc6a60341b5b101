// How cities compare, over the assessments they shared (shared-scores.ts): for each key factor
// the network's distribution of scores, overall and within peer groups of similar cities (for
// network admins), and where one city stands in it, with possible mentors for its report.
// Every function starts with an access check.
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { isNetworkAdmin, type Actor } from '../access/index.ts';
import {
	comparePeerGroups,
	peerGroupKey,
	samePeerGroup,
	type PeerGroup
} from '../cities/similar.ts';
import { roundScore, type Quartiles } from './scoring.ts';
import {
	countAbove,
	currentBenchmark,
	entriesOf,
	figuresOf,
	rankingOf,
	snapshot,
	contextOf,
	type Context
} from './shared-scores.ts';
import { mentorsOf } from './mentors.ts';

/**
 * Fewer cities than this in a group, and a city's reader sees no figures for it: with two or
 * three cities, the minimum and maximum would be other cities' own scores. Network admins,
 * who may read every shared assessment, see all figures.
 */
export const MIN_CITIES = 5;
/** How many cities scoring higher to name per key factor (the highest). */
export const ABOVE_NAMED = 5;
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
