import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as queries from './queries.ts';
import { transport } from './transport.ts';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** Why it was sent (invitation, password-reset, verify-email…), for the outbox list. */
	purpose: string;
}

/**
 * Queues and sends a mail. Called by services after their own access checks; a failed
 * SMTP delivery is kept in the outbox with its error rather than failing the caller.
 */
export async function send(mail: Mail) {
	const d = await db();
	const row = await queries.insertMessage(d, mail);
	const t = transport();
	try {
		await t.send(mail);
		if (t.kind === 'smtp') await queries.markSent(d, row.id);
	} catch (err) {
		await queries.markSent(d, row.id, err instanceof Error ? err.message : String(err));
	}
	return row;
}

/**
 * Addresses that were sent a mail of this purpose since a moment, so that a job run again
 * (after a crash) does not mail anyone twice. For services, after their own checks.
 */
export async function recipientsSince(purpose: string, since: Date): Promise<Set<string>> {
	return new Set(await queries.recipientsSince(await db(), purpose, since));
}

export const PAGE_SIZE = 50;

export async function list(actor: Actor | null, page = 1) {
	requireAccess(actor, 'outbox.read');
	const safePage = Math.max(1, Math.floor(page) || 1);
	return queries.listMessages(await db(), PAGE_SIZE, (safePage - 1) * PAGE_SIZE);
}

export async function get(actor: Actor | null, id: string) {
	requireAccess(actor, 'outbox.read');
	return queries.findMessage(await db(), id);
}
