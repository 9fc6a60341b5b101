// Possible mentors: cities that shared their assessment and meet the standard on a key
// factor, cities like this one first (the one definition of cities/similar.ts), then the
// strongest. Those the reader may not name are only counted.
import { error } from '@sveltejs/kit';
import type { Actor } from '../access/index.ts';
import { likeness, peerGroupKey, samePeerGroup, type Likeness } from '../cities/similar.ts';
import { roundScore } from './scoring.ts';
import { contextOf, rankingOf, type Context } from './shared-scores.ts';

/** How many named mentors to suggest per key factor. */
export const MENTORS = 5;

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

export function mentorsOf(
	ctx: Context,
	keyFactor: { number: number; slug: string; title: string }
) {
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
