// Cities as the API gives them. The city id is part of the API (it names a city's workspace,
// e.g. its members); other row ids (memberships, users, invitations) stay inside.
import type * as benchmarks from '../benchmarks/service.ts';
import type * as charter from '../charter/service.ts';
import type * as cities from '../cities/service.ts';
import type { CityRole } from '../access/index.ts';

type CityRow = Awaited<ReturnType<typeof cities.list>>[number];
type City = NonNullable<Awaited<ReturnType<typeof cities.bySlug>>>;
type Signatory = Awaited<ReturnType<typeof charter.signatoryOfCity>>;
type Examples = Awaited<ReturnType<typeof benchmarks.examplesOfCity>>;
type Members = Awaited<ReturnType<typeof cities.members>>;
type Facts = Awaited<ReturnType<typeof cities.facts>>;
type Fact = Facts['history'][number];

function toFact(f: Fact) {
	return {
		figure: f.figure,
		value: f.value,
		year: f.year,
		source: f.source,
		recordedAt: f.recordedAt.toISOString()
	};
}

export function toCityList(rows: CityRow[]) {
	return {
		cities: rows.map((c) => ({
			id: c.id,
			slug: c.slug,
			name: c.name,
			country: c.country,
			population: c.population,
			latitude: c.latitude,
			longitude: c.longitude,
			isSignatory: Boolean(c.signatory)
		}))
	};
}

export function toCity(c: City, signatory: Signatory, examples: Examples, facts: Facts) {
	return {
		id: c.id,
		slug: c.slug,
		name: c.name,
		country: c.country,
		population: c.population,
		populationYear: c.populationYear,
		migrantBackgroundShare: c.migrantBackgroundShare,
		foreignNationalsShare: c.foreignNationalsShare,
		latitude: c.latitude,
		longitude: c.longitude,
		source: c.source,
		signatory: signatory
			? {
					signedOn: signatory.signedOn,
					place: signatory.place,
					signedBy: signatory.signedBy,
					eventStart: signatory.eventStart,
					eventEnd: signatory.eventEnd
				}
			: null,
		examples: examples.map((e) => ({
			title: e.title,
			benchmark: { slug: e.benchmarkSlug, title: e.benchmarkTitle },
			keyFactor: { number: e.keyFactorNumber, slug: e.keyFactorSlug, title: e.keyFactorTitle }
		})),
		facts: {
			current: Object.values(facts.current).flatMap((f) => (f ? [toFact(f)] : [])),
			history: facts.history.map(toFact)
		}
	};
}

export function toMembers(cityId: string, list: Members) {
	return {
		cityId,
		members: list.people.map((p) => ({
			name: p.name,
			email: p.email,
			role: p.role as CityRole,
			organisation: p.organisation,
			since: p.since.toISOString()
		})),
		pendingInvitations: list.pending.map((i) => ({
			name: i.name,
			email: i.email,
			role: i.role as CityRole,
			organisation: i.organisation,
			expiresAt: i.expiresAt.toISOString()
		}))
	};
}
