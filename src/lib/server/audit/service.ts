// The audit log: every change a service makes is written here, in the same transaction.
import { desc } from 'drizzle-orm';
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
	actorUserId: string | null;
	action: string;
	entityType: string;
	entityId?: string | null;
	cityId?: string | null;
	before?: unknown;
	after?: unknown;
}

/** Written by services inside their own transaction; no access check of its own. */
export async function record(db: Db, entry: AuditEntry) {
	await db.insert(auditLog).values({
		actorUserId: entry.actorUserId,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId ?? null,
		cityId: entry.cityId ?? null,
		before: entry.before ?? null,
		after: entry.after ?? null
	});
}

export async function recent(actor: Actor | null, limit = 100) {
	requireAccess(actor, 'audit.read');
	return (await db()).select().from(auditLog).orderBy(desc(auditLog.at)).limit(limit);
}
