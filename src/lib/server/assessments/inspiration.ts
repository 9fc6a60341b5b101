// Inspiration for the weakest key factors of a report: the toolkit's examples and the practice
// library's published practices from other cities, those of cities like the assessed one first
// by the one definition of similar cities (cities/similar.ts), each saying why it is there.
import { db } from '../db/index.ts';
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

/**
 * For each weak key factor, the suggestions from other cities: the city's own examples and
 * practices (those it takes part in) are left out, and so is an example that an offered
 * practice quotes word for word — the library's seeds retell the toolkit's examples, and the
 * practice has a page of its own.
 */
export async function inspirationFor(
	actor: Actor | null,
	city: CityTraits & { id: string; slug: string },
	benchmark: { slug: string; language: string },
	keyFactors: WeakKeyFactor[]
) {
	if (keyFactors.length === 0) return [];
	const linked = (
		await practices.publishedForKeyFactors(
			actor,
			benchmark.slug,
			keyFactors.map((k) => k.slug)
		)
	).filter((p) => p.cityId !== city.id && !p.cities.includes(city.slug));
	const slugs = new Set([
		...linked.flatMap((p) => p.cities),
		...keyFactors.flatMap((k) => k.examples.map((e) => e.city.slug))
	]);
	const traits = new Map(
		(await cityQueries.listCityTraitsBySlug(await db(), [...slugs])).map((c) => [c.slug, c])
	);
	const known = (slug: string) => traits.get(slug);
	const brief = (c: SuggestionCity) => ({ slug: c.slug, name: c.name, country: c.country });

	return keyFactors.map((k) => {
		const offered = linked.filter((p) => p.keyFactors.includes(k.slug));
		const quoted = new Set(offered.flatMap((p) => p.quotes));
		const fromPractices = offered.map((p): Suggestion => {
			const cities = p.cities.map(known).filter((c) => c !== undefined);
			return {
				kind: 'practice',
				title: p.title,
				text: p.summary,
				href: `/practices/${p.slug}`,
				language: p.language,
				cities: cities.map(brief),
				likeness: mostAlike(city, cities)
			};
		});
		const fromExamples = k.examples
			.filter((e) => e.city.slug !== city.slug && !quoted.has(e.text))
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
