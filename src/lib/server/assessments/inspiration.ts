// Inspiration for the weakest key factors of a report: the toolkit's examples and the practice
// library's published practices from other cities, those of cities like the assessed one first
// by the one definition of similar cities (cities/similar.ts), each saying why it is there.
import { db, type Db } from '../db/index.ts';
import { versionOf } from '../cache/queries.ts';
import type { Actor } from '../access/index.ts';
import * as cityQueries from '../cities/queries.ts';
import * as practices from '../practices/service.ts';
import { likeness, type CityTraits, type Likeness } from '../cities/similar.ts';

/** Suggestions per key factor: enough to choose from, few enough to read. */
export const SUGGESTIONS = 5;

export interface SuggestionCity {
	slug: string;
	name: string;
	country: string;
}

export interface Suggestion {
	kind: 'practice' | 'example';
	title: string;
	/** The practice's summary; the example's text. */
	text: string;
	/** Where to read it whole: the practice's page, or the key factor's examples in the toolkit. */
	href: string;
	/** The language of its title and text. */
	language: string;
	cities: SuggestionCity[];
	/** How alike its most alike city is to the assessed city: why it is suggested. */
	likeness: Likeness;
}

/** What a report's inspiration is drawn for: a weak key factor and the toolkit's examples. */
export interface WeakKeyFactor {
	number: number;
	slug: string;
	title: string;
	examples: { title: string; text: string; city: SuggestionCity }[];
}

const NOTHING_ALIKE: Likeness = {
	population: false,
	migrantShare: false,
	country: false,
	score: 0
};

/**
 * The most alike first; at equal likeness practices before examples (a practice has a page of
 * its own, and the library is kept current where the toolkit is a printed edition), then by
 * title and link, so that the order never depends on the database's.
 */
export function compareSuggestions(a: Suggestion, b: Suggestion): number {
	return (
		b.likeness.score - a.likeness.score ||
		Number(b.kind === 'practice') - Number(a.kind === 'practice') ||
		a.title.localeCompare(b.title, 'en') ||
		a.href.localeCompare(b.href, 'en')
	);
}

/** The best SUGGESTIONS of these, in order. */
export function rank(suggestions: Suggestion[]): Suggestion[] {
	return [...suggestions].sort(compareSuggestions).slice(0, SUGGESTIONS);
}

/** How alike the most alike of these cities is (nothing alike for none). */
function mostAlike(self: CityTraits, cities: CityTraits[]): Likeness {
	let best = { ...NOTHING_ALIKE };
	for (const c of cities) {
		const l = likeness(self, c);
		if (l.score > best.score) best = l;
	}
	return best;
}

/** Every city's traits, kept per database until the 'figures' counter moves. */
const keptTraits = new WeakMap<Db, { version: number; traits: Promise<Map<string, Traits>> }>();
type Traits = CityTraits & SuggestionCity;

async function cityTraits(d: Db): Promise<Map<string, Traits>> {
	const version = await versionOf(d, 'figures');
	let entry = keptTraits.get(d);
	if (entry?.version !== version) {
		const traits = cityQueries
			.listCityTraits(d)
			.then((rows) => new Map(rows.map((c) => [c.slug, c])));
		entry = { version, traits };
		keptTraits.set(d, entry);
		traits.catch(() => {
			if (keptTraits.get(d)?.traits === traits) keptTraits.delete(d);
		});
	}
	return entry.traits;
}

/**
 * For each weak key factor, the suggestions from other cities: the city's own examples and
 * practices (those it takes part in) are left out, and so is an example that a seeded practice
 * retells word for word (the practice has a page of its own). Practices are ranked from the
 * library's copy in memory (any number of them); among equally alike ones, the newest; only
 * the chosen ones are read from the database.
 */
export async function inspirationFor(
	actor: Actor | null,
	city: CityTraits & { id: string; slug: string },
	benchmark: { slug: string; language: string },
	keyFactors: WeakKeyFactor[]
) {
	if (keyFactors.length === 0) return [];
	const d = await db();
	const slugs = keyFactors.map((k) => k.slug);
	const traits = await cityTraits(d);
	const known = (slug: string) => traits.get(slug);
	const brief = (c: SuggestionCity) => ({ slug: c.slug, name: c.name, country: c.country });
	// The SUGGESTIONS most alike practices of each key factor (newest first among equals).
	const [picked, quoted] = await Promise.all([
		practices.bestLinkedToKeyFactors(actor, benchmark.slug, slugs, {
			exclude: city.slug,
			score: (slug) => {
				const t = known(slug);
				return t ? likeness(city, t) : NOTHING_ALIKE;
			},
			none: NOTHING_ALIKE,
			limit: SUGGESTIONS,
			max: 3
		}),
		practices.quotedBySeeds(actor, benchmark.slug, slugs)
	]);
	const chosen = new Map(
		[...picked].map(([k, list]) => [
			k,
			list.map((p) => ({ id: p.id, cities: p.cities, likeness: p.best }))
		])
	);
	const details = new Map(
		(
			await practices.publishedByIds(actor, [
				...new Set([...chosen.values()].flat().map((c) => c.id))
			])
		).map((p) => [p.id, p])
	);

	return keyFactors.map((k) => {
		const fromPractices = (chosen.get(k.slug) ?? []).flatMap((c): Suggestion[] => {
			const p = details.get(c.id);
			if (!p) return [];
			return [
				{
					kind: 'practice',
					title: p.title,
					text: p.summary,
					href: `/practices/${p.slug}`,
					language: p.language,
					cities: c.cities
						.map(known)
						.filter((x) => x !== undefined)
						.map(brief),
					likeness: c.likeness
				}
			];
		});
		const retold = quoted.get(k.slug) ?? new Set<string>();
		const fromExamples = k.examples
			.filter((e) => e.city.slug !== city.slug && !retold.has(e.text))
			.map((e): Suggestion => ({
				kind: 'example',
				title: e.title,
				text: e.text,
				href: `/toolkits/${benchmark.slug}/${k.slug}#examples`,
				language: benchmark.language,
				cities: [brief(e.city)],
				likeness: mostAlike(city, [
					known(e.city.slug) ?? {
						...e.city,
						population: null,
						migrantBackgroundShare: null,
						foreignNationalsShare: null
					}
				])
			}));
		return {
			number: k.number,
			slug: k.slug,
			title: k.title,
			suggestions: rank([...fromPractices, ...fromExamples])
		};
	});
}

export type Inspiration = Awaited<ReturnType<typeof inspirationFor>>[number];
