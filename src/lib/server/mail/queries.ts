import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { outbox } from './schema.ts';

export type OutboxMessage = typeof outbox.$inferSelect;

export async function insertMessage(db: Db, message: typeof outbox.$inferInsert) {
	const [row] = await db.insert(outbox).values(message).returning();
	return row!;
}

export async function markSent(db: Db, id: string, error?: string) {
	await db
		.update(outbox)
		.set(error ? { error } : { sentAt: new Date(), error: null })
		.where(eq(outbox.id, id));
}

export function listMessages(db: Db, limit: number, offset: number) {
	return db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(limit).offset(offset);
}

export async function findMessage(db: Db, id: string) {
	const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
	return row;
}

export async function recipientsSince(db: Db, purpose: string, since: Date) {
	const rows = await db
		.selectDistinct({ to: outbox.to })
		.from(outbox)
		.where(and(eq(outbox.purpose, purpose), gte(outbox.createdAt, since)));
	return rows.map((r) => r.to);
}
