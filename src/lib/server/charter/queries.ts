import { asc, eq } from 'drizzle-orm';
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
			eventEnd: signatory.eventEnd
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
