import { and, asc, desc, eq, isNotNull, isNull, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { user } from '../auth/schema.ts';
import { signatory } from '../charter/schema.ts';
import { city, cityFact, invitation, membership, network, type cityFigures } from './schema.ts';

export type City = typeof city.$inferSelect;
export type Invitation = typeof invitation.$inferSelect;
export type CityFact = typeof cityFact.$inferSelect;
export type CityFigure = (typeof cityFigures)[number];

export async function findNetwork(db: Db) {
	const [row] = await db.select().from(network).limit(1);
	return row;
}

export async function upsertNetwork(db: Db, row: typeof network.$inferInsert) {
	const [n] = await db
		.insert(network)
		.values(row)
		.onConflictDoUpdate({
			target: network.slug,
			set: { name: row.name, description: row.description, source: row.source }
		})
		.returning();
	return n!;
}

export function listCities(db: Db) {
	return db
		.select({
			id: city.id,
			slug: city.slug,
			name: city.name,
			country: city.country,
			population: city.population,
			latitude: city.latitude,
			longitude: city.longitude,
			signatory: sql<boolean>`${signatory.id} is not null`
		})
		.from(city)
		.leftJoin(signatory, eq(signatory.cityId, city.id))
		.orderBy(asc(city.name));
}

export async function findCityBySlug(db: Db, slug: string) {
	const [row] = await db.select().from(city).where(eq(city.slug, slug));
	return row;
}

export async function findCityById(db: Db, id: string) {
	const [row] = await db.select().from(city).where(eq(city.id, id));
	return row;
}

export async function insertCityIfMissing(db: Db, row: typeof city.$inferInsert) {
	await db.insert(city).values(row).onConflictDoNothing({ target: city.slug });
}

export async function insertCity(db: Db, row: typeof city.$inferInsert) {
	const [c] = await db.insert(city).values(row).returning();
	return c!;
}

export function listMembers(db: Db, cityId: string) {
	return db
		.select({
			id: membership.id,
			role: membership.role,
			organisation: membership.organisation,
			since: membership.createdAt,
			userId: user.id,
			name: user.name,
			email: user.email
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(eq(membership.cityId, cityId))
		.orderBy(asc(membership.role), asc(user.name));
}

export function listMembershipsOfUser(db: Db, userId: string) {
	return db
		.select({
			cityId: membership.cityId,
			role: membership.role,
			cityName: city.name,
			citySlug: city.slug
		})
		.from(membership)
		.leftJoin(city, eq(city.id, membership.cityId))
		.where(eq(membership.userId, userId));
}

/**
 * Cities by name with the user's role in each (null where they hold none): the cities they
 * hold a role in, or with `everyCity` all the cities of the network.
 */
export function listCitiesWithRole(db: Db, userId: string, everyCity: boolean) {
	return db
		.select({
			id: city.id,
			slug: city.slug,
			name: city.name,
			country: city.country,
			role: membership.role
		})
		.from(city)
		.leftJoin(membership, and(eq(membership.cityId, city.id), eq(membership.userId, userId)))
		.where(everyCity ? undefined : isNotNull(membership.id))
		.orderBy(asc(city.name), asc(city.slug));
}

export async function findMembership(db: Db, userId: string, cityId: string | null) {
	const [row] = await db
		.select()
		.from(membership)
		.where(
			and(
				eq(membership.userId, userId),
				cityId === null ? isNull(membership.cityId) : eq(membership.cityId, cityId)
			)
		);
	return row;
}

export async function insertMembership(db: Db, row: typeof membership.$inferInsert) {
	const [m] = await db.insert(membership).values(row).returning();
	return m!;
}

export async function updateMembershipRole(
	db: Db,
	id: string,
	set: Pick<typeof membership.$inferInsert, 'role' | 'organisation'>
) {
	const [m] = await db.update(membership).set(set).where(eq(membership.id, id)).returning();
	return m!;
}

export function listPendingInvitations(db: Db, cityId: string) {
	return db
		.select()
		.from(invitation)
		.where(
			and(
				eq(invitation.cityId, cityId),
				isNull(invitation.acceptedAt),
				isNull(invitation.revokedAt),
				gt(invitation.expiresAt, new Date())
			)
		)
		.orderBy(asc(invitation.createdAt));
}

export async function insertInvitation(db: Db, row: typeof invitation.$inferInsert) {
	const [i] = await db.insert(invitation).values(row).returning();
	return i!;
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string) {
	const [row] = await db.select().from(invitation).where(eq(invitation.tokenHash, tokenHash));
	return row;
}

export async function findInvitation(db: Db, id: string, cityId: string) {
	const [row] = await db
		.select()
		.from(invitation)
		.where(and(eq(invitation.id, id), eq(invitation.cityId, cityId)));
	return row;
}

export async function markInvitation(
	db: Db,
	id: string,
	set: { acceptedAt?: Date; revokedAt?: Date }
) {
	const [row] = await db.update(invitation).set(set).where(eq(invitation.id, id)).returning();
	return row!;
}

/** A city's recorded figures, the current one of each figure first: latest year, then latest. */
export function listFacts(db: Db, cityId: string) {
	return db
		.select({
			id: cityFact.id,
			figure: cityFact.figure,
			value: cityFact.value,
			year: cityFact.year,
			source: cityFact.source,
			recordedAt: cityFact.recordedAt,
			recordedBy: user.name
		})
		.from(cityFact)
		.leftJoin(user, eq(user.id, cityFact.recordedBy))
		.where(eq(cityFact.cityId, cityId))
		.orderBy(
			asc(cityFact.figure),
			sql`${cityFact.year} desc nulls last`,
			desc(cityFact.recordedAt),
			desc(cityFact.id)
		);
}

export async function insertFact(db: Db, row: typeof cityFact.$inferInsert) {
	const [f] = await db.insert(cityFact).values(row).returning();
	return f!;
}

/** Adds a figure's first value unless the city already has one for it (seeding). */
export async function insertFactIfNone(db: Db, row: typeof cityFact.$inferInsert) {
	const [existing] = await db
		.select({ id: cityFact.id })
		.from(cityFact)
		.where(and(eq(cityFact.cityId, row.cityId), eq(cityFact.figure, row.figure)))
		.limit(1);
	if (!existing) await db.insert(cityFact).values(row);
}

export async function updateCurrentFigures(
	db: Db,
	id: string,
	set: Pick<
		typeof city.$inferInsert,
		'population' | 'populationYear' | 'migrantBackgroundShare' | 'foreignNationalsShare'
	>
) {
	const [row] = await db.update(city).set(set).where(eq(city.id, id)).returning();
	return row!;
}

/** What the "similar cities" definition (similar.ts) reads of a city, with its name. */
const traits = {
	id: city.id,
	slug: city.slug,
	name: city.name,
	country: city.country,
	population: city.population,
	migrantBackgroundShare: city.migrantBackgroundShare,
	foreignNationalsShare: city.foreignNationalsShare
};

/** What the "similar cities" definition reads of every city. */
export function listCityTraits(db: Db) {
	return db.select(traits).from(city).orderBy(asc(city.name));
}
