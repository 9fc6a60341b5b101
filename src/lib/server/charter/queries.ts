import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { city } from '../cities/schema.ts';
import { charterDocument, charterRole, commitment, signatory, signatoryCount } from './schema.ts';

export async function findDocument(db: Db) {
	const [row] = await db.select().from(charterDocument).limit(1);
	return row;
}

export function listRoles(db: Db) {
	return db.select().from(charterRole).orderBy(asc(charterRole.position));
}

export function listCommitments(db: Db) {
	return db.select().from(commitment).orderBy(asc(commitment.position));
}

export function listSignatories(db: Db) {
	return db
		.select({
			citySlug: city.slug,
			cityName: city.name,
			country: city.country,
			signedOn: signatory.signedOn,
			place: signatory.place,
			signedBy: signatory.signedBy,
			eventStart: signatory.eventStart,
			eventEnd: signatory.eventEnd,
			recordedAt: signatory.recordedAt
		})
		.from(signatory)
		.innerJoin(city, eq(city.id, signatory.cityId))
		.orderBy(asc(city.name));
}

export function listCounts(db: Db) {
	return db.select().from(signatoryCount).orderBy(asc(signatoryCount.asOf));
}

export async function findSignatoryOfCity(db: Db, cityId: string) {
	const [row] = await db.select().from(signatory).where(eq(signatory.cityId, cityId));
	return row;
}

export async function upsertDocument(db: Db, row: typeof charterDocument.$inferInsert) {
	await db
		.insert(charterDocument)
		.values(row)
		.onConflictDoUpdate({ target: charterDocument.slug, set: row });
}

export async function upsertRole(db: Db, row: typeof charterRole.$inferInsert) {
	const [r] = await db
		.insert(charterRole)
		.values(row)
		.onConflictDoUpdate({
			target: charterRole.slug,
			set: { title: row.title, lead: row.lead, position: row.position }
		})
		.returning();
	return r!;
}

export async function upsertCommitment(db: Db, row: typeof commitment.$inferInsert) {
	await db
		.insert(commitment)
		.values(row)
		.onConflictDoUpdate({
			target: commitment.slug,
			set: { text: row.text, position: row.position, roleId: row.roleId }
		});
}

export async function insertSignatoryIfMissing(db: Db, row: typeof signatory.$inferInsert) {
	await db.insert(signatory).values(row).onConflictDoNothing({ target: signatory.cityId });
}

export async function insertCountIfMissing(db: Db, row: typeof signatoryCount.$inferInsert) {
	await db.insert(signatoryCount).values(row).onConflictDoNothing({ target: signatoryCount.asOf });
}

/** Every signatory with what the admin list shows (a few dozen rows: one per signing city). */
export function listSignatoriesForAdmin(db: Db) {
	return db
		.select({
			id: signatory.id,
			cityId: city.id,
			citySlug: city.slug,
			cityName: city.name,
			signedOn: signatory.signedOn,
			place: signatory.place,
			signedBy: signatory.signedBy,
			eventStart: signatory.eventStart,
			eventEnd: signatory.eventEnd,
			source: signatory.source,
			recordedAt: signatory.recordedAt
		})
		.from(signatory)
		.innerJoin(city, eq(city.id, signatory.cityId))
		.orderBy(asc(city.name));
}

export async function findSignatoryById(db: Db, id: string) {
	const [row] = await db
		.select({ signatory, cityName: city.name, citySlug: city.slug })
		.from(signatory)
		.innerJoin(city, eq(city.id, signatory.cityId))
		.where(eq(signatory.id, id));
	return row;
}

/** The new row, or undefined when the city had already signed (one signature per city). */
export async function insertSignatory(db: Db, row: typeof signatory.$inferInsert) {
	const [r] = await db
		.insert(signatory)
		.values(row)
		.onConflictDoNothing({ target: signatory.cityId })
		.returning();
	return r;
}

export async function updateSignatory(
	db: Db,
	id: string,
	set: Pick<typeof signatory.$inferInsert, 'signedOn' | 'place' | 'signedBy' | 'source'>
) {
	const [r] = await db.update(signatory).set(set).where(eq(signatory.id, id)).returning();
	return r;
}

/** The cities one may record a signature for, by name, each with whether it has signed. */
export function listCityChoices(db: Db) {
	return db
		.select({
			id: city.id,
			name: city.name,
			country: city.country,
			signed: sql<boolean>`${signatory.id} is not null`
		})
		.from(city)
		.leftJoin(signatory, eq(signatory.cityId, city.id))
		.orderBy(asc(city.name));
}

export async function findCityById(db: Db, id: string) {
	const [row] = await db.select({ id: city.id, name: city.name }).from(city).where(eq(city.id, id));
	return row;
}
