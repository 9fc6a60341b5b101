import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import * as charter from '#lib/server/charter/service.ts';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import * as assessments from '#lib/server/assessments/service.ts';
import * as practices from '#lib/server/practices/service.ts';
import * as mentoring from '#lib/server/mentoring/service.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const city = await cities.bySlug(locals.actor, params.slug);
	if (!city) error(404, 'Not found');
	const [signatory, examples, published, facts, similar, cityPractices, engagements] =
		await Promise.all([
			charter.signatoryOfCity(locals.actor, city.id),
			benchmarks.examplesOfCity(locals.actor, city.id),
			assessments.publishedOfCity(locals.actor, city.id),
			cities.facts(locals.actor, city.id),
			cities.similarTo(locals.actor, city.id),
			practices.publishedOfCity(locals.actor, city.slug),
			mentoring.publicOfCity(locals.actor, city.id)
		]);
	return {
		city: {
			slug: city.slug,
			name: city.name,
			country: city.country,
			population: city.population,
			populationYear: city.populationYear,
			migrantBackgroundShare: city.migrantBackgroundShare,
			foreignNationalsShare: city.foreignNationalsShare,
			source: city.source
		},
		signatory: signatory
			? {
					signedOn: signatory.signedOn,
					place: signatory.place,
					eventStart: signatory.eventStart,
					eventEnd: signatory.eventEnd
				}
			: null,
		facts: Object.values(facts.current).flatMap((f) =>
			f ? [{ figure: f.figure, value: f.value, year: f.year, source: f.source }] : []
		),
		similar,
		examples,
		published,
		practices: cityPractices,
		engagements
	};
};
