// A city's figures (population, share of residents with a migrant background, share of foreign
// nationals): each recorded with its year and source; the latest by year is current, older
// ones stay as history.
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';
import type { FactInput } from './forms.ts';
import { cityFigures } from './schema.ts';

export type CityFigure = queries.CityFigure;
export type FactRow = Awaited<ReturnType<typeof queries.listFacts>>[number];

export interface CityFacts {
	/** The current value of each figure, or null where none was ever recorded. */
	current: Record<CityFigure, FactRow | null>;
	/** Every value recorded, per figure the current one first (latest year, then latest). */
	history: FactRow[];
}

function factsOf(rows: FactRow[]): CityFacts {
	const current = Object.fromEntries(
		cityFigures.map((f) => [f, rows.find((r) => r.figure === f) ?? null])
	) as Record<CityFigure, FactRow | null>;
	return { current, history: rows };
}

/** A city's figures with their years and sources: public, like the city itself. */
export async function facts(actor: Actor | null, cityId: string): Promise<CityFacts> {
	requireAccess(actor, 'content.read');
	if (!isUuid(cityId)) error(404, 'Not found');
	return factsOf(await queries.listFacts(await db(), cityId));
}

/**
 * Records a new value of one of the city's figures. Older values stay as its history; the
 * city row keeps the current one (the latest by year, then by when it was recorded).
 */
export async function recordFact(actor: Actor | null, cityId: string, input: FactInput) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'city.facts.update', { cityId });
	const d = await db();
	const c = await queries.findCityById(d, cityId);
	if (!c) error(404, 'Not found');
	return d.transaction(async (tx) => {
		const fact = await queries.insertFact(tx, {
			cityId,
			figure: input.figure,
			value: input.value,
			year: input.year,
			source: input.source,
			recordedBy: actor.userId
		});
		const now = factsOf(await queries.listFacts(tx, cityId)).current[input.figure]!;
		const before = {
			population: c.population,
			populationYear: c.populationYear,
			migrantBackgroundShare: c.migrantBackgroundShare,
			foreignNationalsShare: c.foreignNationalsShare
		};
		const set =
			input.figure === 'population'
				? { population: Math.round(now.value), populationYear: now.year }
				: input.figure === 'migrant_background_share'
					? { migrantBackgroundShare: now.value }
					: { foreignNationalsShare: now.value };
		const changed = Object.entries(set).some(
			([k, value]) => before[k as keyof typeof before] !== value
		);
		if (changed) await queries.updateCurrentFigures(tx, cityId, set);
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'city.fact.record',
			entityType: 'city_fact',
			entityId: fact.id,
			cityId,
			before,
			after: {
				fact: {
					figure: fact.figure,
					value: fact.value,
					year: fact.year,
					source: fact.source
				},
				current: { ...before, ...set }
			}
		});
		return fact;
	});
}
