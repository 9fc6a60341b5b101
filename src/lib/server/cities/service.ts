// Cities of the network: listing and creating them, one's workspaces, and cities like a
// given one. A city's people are in people.ts, its figures in facts.ts.
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import {
	can,
	isNetworkAdmin,
	requireAccess,
	requireSignedIn,
	type Actor
} from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';
import type { CityInput } from './forms.ts';
import { likeness, type Likeness } from './similar.ts';

export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
}

export async function list(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	return queries.listCities(await db());
}

export async function bySlug(actor: Actor | null, slug: string) {
	requireAccess(actor, 'content.read');
	return queries.findCityBySlug(await db(), slug);
}

export async function network(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	return queries.findNetwork(await db());
}

/** A city's private workspace; another city's id answers 404 as if it did not exist. */
export async function workspace(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'city.workspace.read', { cityId });
	const c = await queries.findCityById(await db(), cityId);
	if (!c) error(404, 'Not found');
	return c;
}

/**
 * The cities whose workspace the actor may open, by name, with their role in each (null
 * where they hold none): the cities they belong to; for a network admin, every city of the
 * network (`everyCity`). Someone without a city gets an empty list.
 */
export async function workspaces(actor: Actor | null) {
	requireSignedIn(actor);
	const everyCity = isNetworkAdmin(actor);
	const rows = await queries.listCitiesWithRole(await db(), actor.userId, everyCity);
	return {
		everyCity,
		cities: rows.filter((c) => can(actor, 'city.workspace.read', { cityId: c.id }))
	};
}

export async function create(actor: Actor | null, input: CityInput) {
	requireAccess(actor, 'city.create');
	const d = await db();
	const net = await queries.findNetwork(d);
	if (!net) error(500, 'The network has not been seeded.');
	const base = slugify(input.name) || 'city';
	let slug = base;
	for (let n = 2; await queries.findCityBySlug(d, slug); n++) slug = `${base}-${n}`;
	return d.transaction(async (tx) => {
		const c = await queries.insertCity(tx, { ...input, slug, networkId: net.id });
		// A population given here is the city's first recorded value (no year, no source yet).
		if (input.population !== null) {
			await queries.insertFact(tx, {
				cityId: c.id,
				figure: 'population',
				value: input.population,
				year: null,
				source: '',
				recordedBy: actor.userId
			});
		}
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'city.create',
			entityType: 'city',
			entityId: c.id,
			cityId: c.id,
			after: c
		});
		return c;
	});
}

export async function myCities(actor: Actor | null) {
	if (!actor) return [];
	return queries.listMembershipsOfUser(await db(), actor.userId);
}

export interface SimilarCity {
	slug: string;
	name: string;
	country: string;
	likeness: Likeness;
}

/**
 * Up to `limit` cities most like this one by the one definition (src/lib/server/cities/
 * similar.ts): same population band, same migrant-share band, same country. Cities alike in
 * nothing are left out; ties go by name.
 */
export async function similarTo(
	actor: Actor | null,
	cityId: string,
	limit = 5
): Promise<SimilarCity[]> {
	requireAccess(actor, 'content.read');
	const all = await queries.listCityTraits(await db());
	const self = all.find((c) => c.id === cityId);
	if (!self) return [];
	return all
		.filter((c) => c.id !== cityId)
		.map((c) => ({ slug: c.slug, name: c.name, country: c.country, likeness: likeness(self, c) }))
		.filter((c) => c.likeness.score > 0)
		.sort((a, b) => b.likeness.score - a.likeness.score || a.name.localeCompare(b.name))
		.slice(0, limit);
}

// One namespace for routes: `import * as cities from '…/cities/service.ts'`.
export * from './people.ts';
export * from './facts.ts';
