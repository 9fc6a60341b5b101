// A practice's version as pages show it: the cities, themes, key factors and commitments it
// names, resolved to their names and links (what the workflow and the public pages share).
import type { Db } from '../db/index.ts';
import * as queries from './queries.ts';

export async function optionsOf(d: Db) {
	const [cities, themes, keyFactors, commitments] = await Promise.all([
		queries.listCityOptions(d),
		queries.listThemeOptions(d),
		queries.listKeyFactorOptions(d),
		queries.listCommitmentOptions(d)
	]);
	return { cities, themes, keyFactors, commitments };
}
export type Options = Awaited<ReturnType<typeof optionsOf>>;

/** A version with what it refers to resolved for display (names, titles, toolkit links). */
export async function viewOf(d: Db, v: queries.PracticeVersion) {
	return viewWith(await optionsOf(d), v);
}

export function viewWith(o: Options, v: queries.PracticeVersion) {
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
export function refsWith(o: Options, v: queries.PracticeVersion) {
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
