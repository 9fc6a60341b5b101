// Files kept as evidence for the city's answers: PDF, images, office documents. The type is
// read from the bytes; the bytes go to the storage (disk by default), the rest to the
// database. Every function starts with an access check; another city's file is a 404.
//
// Attaching or removing a file does not change the answer's revision: a file is a row of its
// own, added or removed whole, so nobody's typed answer can be overwritten by it, and a
// colleague saving the answer's text meanwhile must not be told of a conflict.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import { requireAssessmentAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { isUuid } from '../validation.ts';
import { newKey, storage } from '../storage/index.ts';
import { contentDisposition, detectAccepted, safeFilename } from '../storage/file-types.ts';
import * as queries from './queries.ts';
import * as attachmentQueries from './attachment-queries.ts';
import { load, questionsOf } from './load.ts';

export const MAX_ATTACHMENTS_PER_ANSWER = 5;

/** The largest file accepted, in megabytes (ATTACHMENT_MAX_MB, 10 by default). */
export function maxAttachmentMb(): number {
	const n = Number(process.env.ATTACHMENT_MAX_MB);
	return Number.isFinite(n) && n > 0 ? n : 10;
}

export type AttachmentError =
	| 'attachment_empty'
	| 'attachment_too_large'
	| 'attachment_type'
	| 'attachment_too_many'
	| 'submitted'
	| 'unknown-question';

async function questionIds(d: Db, benchmarkId: string) {
	return new Set((await questionsOf(d, benchmarkId)).map((q) => q.id));
}

export async function addAttachment(
	actor: Actor | null,
	assessmentId: string,
	questionId: string,
	file: File
): Promise<{ ok: true; id: string } | { ok: false; error: AttachmentError }> {
	const a = await load(actor, assessmentId);
	requireAssessmentAccess(actor, a, 'assessment.answer');
	if (a.status !== 'in_progress') return { ok: false, error: 'submitted' };
	const d = await db();
	if (!isUuid(questionId) || !(await questionIds(d, a.benchmarkId)).has(questionId)) {
		return { ok: false, error: 'unknown-question' };
	}
	// The size first, before reading anything.
	if (file.size === 0) return { ok: false, error: 'attachment_empty' };
	if (file.size > maxAttachmentMb() * 1024 * 1024) {
		return { ok: false, error: 'attachment_too_large' };
	}
	const bytes = new Uint8Array(await file.arrayBuffer());
	const type = await detectAccepted(bytes, file.name);
	if (!type) return { ok: false, error: 'attachment_type' };
	const filename = safeFilename(file.name, type);

	const store = storage();
	const key = newKey();
	let stored = false;
	try {
		return await d.transaction(async (tx) => {
			const row = await attachmentQueries.lockAnswerForAttachment(
				tx,
				a.id,
				questionId,
				actor!.userId
			);
			if ((await attachmentQueries.countAttachments(tx, row.id)) >= MAX_ATTACHMENTS_PER_ANSWER) {
				return { ok: false as const, error: 'attachment_too_many' as const };
			}
			const created = await attachmentQueries.insertAttachment(tx, {
				answerId: row.id,
				filename,
				contentType: type.mime,
				size: bytes.byteLength,
				storageKey: key,
				uploadedBy: actor!.userId
			});
			await audit.record(tx, {
				actorUserId: actor!.userId,
				action: 'attachment.add',
				entityType: 'attachment',
				entityId: created.id,
				cityId: a.cityId,
				after: {
					assessmentId: a.id,
					questionId,
					filename,
					contentType: type.mime,
					size: bytes.byteLength
				}
			});
			await queries.touch(tx, a.id);
			// Last, so that a refused or failed insert leaves no file behind.
			await store.put(key, bytes, type.mime);
			stored = true;
			return { ok: true as const, id: created.id };
		});
	} catch (e) {
		// The row is gone with the transaction; the bytes must go too.
		if (stored) await store.delete(key).catch(() => {});
		throw e;
	}
}

export interface AttachmentItem {
	id: string;
	questionId: string;
	filename: string;
	contentType: string;
	size: number;
}

/** The files of the city's answers, oldest first. */
export async function listAttachments(
	actor: Actor | null,
	assessmentId: string
): Promise<AttachmentItem[]> {
	const a = await load(actor, assessmentId);
	const rows = await attachmentQueries.listAttachments(await db(), a.id);
	return rows.map((r) => ({
		id: r.id,
		questionId: r.questionId,
		filename: r.filename,
		contentType: r.contentType,
		size: r.size
	}));
}

/** Removes one file; another assessment's (or no) attachment is a 404. */
export async function removeAttachment(
	actor: Actor | null,
	assessmentId: string,
	attachmentId: string
): Promise<{ ok: true; questionId: string } | { ok: false; error: 'submitted' }> {
	const a = await load(actor, assessmentId);
	requireAssessmentAccess(actor, a, 'assessment.answer');
	if (!isUuid(attachmentId)) error(404, 'Not found');
	const d = await db();
	const found = await attachmentQueries.findAttachment(d, a.id, attachmentId);
	if (!found) error(404, 'Not found');
	if (a.status !== 'in_progress') return { ok: false, error: 'submitted' };
	await d.transaction(async (tx) => {
		await attachmentQueries.deleteAttachment(tx, found.id);
		await audit.record(tx, {
			actorUserId: actor!.userId,
			action: 'attachment.remove',
			entityType: 'attachment',
			entityId: found.id,
			cityId: a.cityId,
			before: {
				assessmentId: a.id,
				questionId: found.questionId,
				filename: found.filename,
				contentType: found.contentType,
				size: found.size
			}
		});
		await queries.touch(tx, a.id);
	});
	// After the commit: a failed transaction keeps its file. A file left behind by a crash
	// here is unreachable (no row names its key), never a broken link. The same file may be
	// another cycle's evidence too (copied when that cycle was pre-filled): then it stays.
	if (!(await attachmentQueries.storageKeyInUse(d, found.storageKey))) {
		await storage()
			.delete(found.storageKey)
			.catch(() => {});
	}
	return { ok: true, questionId: found.questionId };
}

/**
 * One file as a download: whoever may read the assessment may read its evidence. Served as
 * an attachment with the type read from its bytes, never sniffed, never cached.
 */
export async function download(actor: Actor | null, assessmentId: string, attachmentId: string) {
	const a = await load(actor, assessmentId);
	if (!isUuid(attachmentId)) error(404, 'Not found');
	const found = await attachmentQueries.findAttachment(await db(), a.id, attachmentId);
	if (!found) error(404, 'Not found');
	const object = await storage().get(found.storageKey);
	if (!object) error(404, 'Not found');
	return {
		cityId: a.cityId,
		body: object.body,
		headers: {
			'content-type': found.contentType,
			'content-length': String(found.size),
			'content-disposition': contentDisposition(found.filename),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			// Opened in the browser anyway (a PDF viewer), the file runs nothing of this site.
			'content-security-policy': "default-src 'none'; sandbox"
		}
	};
}
