// The implementation log of a plan: what happened, when ("Migrant representative body: first
// meeting on 12 February 2014"), with links and files, attached to an action or to the plan.
// Files are kept as assessment evidence is (storage/, types read from the bytes, same limits).
import { error } from '@sveltejs/kit';
import type { Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { isUuid } from '../validation.ts';
import { newKey, storage } from '../storage/index.ts';
import {
	contentDisposition,
	detectAccepted,
	safeFilename,
	type AcceptedType
} from '../storage/file-types.ts';
import { maxAttachmentMb } from '../assessments/attachments.ts';
import * as queries from './plan-queries.ts';
import type { LogInput } from './plan-forms.ts';
import { loadPlan, mayIn } from './plan-access.ts';
import { logViews, planHeader } from './plan-views.ts';

export const MAX_FILES_PER_ENTRY = 5;

export function logFileLimits() {
	return { maxMb: maxAttachmentMb(), perEntry: MAX_FILES_PER_ENTRY };
}

/** The plan's whole log, latest first, with the plan's actions to attach a new entry to. */
export async function planLog(actor: Actor | null, cityId: string, planId: string) {
	const loaded = await loadPlan(actor, cityId, planId, 'read');
	const { d, plan } = loaded;
	const [header, actions, entries] = await Promise.all([
		planHeader(d, plan, loaded.engagement),
		queries.listActions(d, plan.id),
		queries.listLog(d, plan.id)
	]);
	return {
		plan: header,
		log: await logViews(d, entries, actions),
		actions: actions.map((a) => ({ id: a.id, title: a.title })),
		may: mayIn(actor, loaded)
	};
}

export type LogFileError = 'attachment_empty' | 'attachment_too_large' | 'attachment_type';

/**
 * A new entry; its files are checked (size, then type from the bytes) before anything is
 * kept, so a refused file leaves nothing behind and the form comes back with what was typed.
 */
export async function addLogEntry(
	actor: Actor | null,
	cityId: string,
	planId: string,
	input: LogInput,
	files: File[]
): Promise<{ ok: true; id: string } | { ok: false; errors: Record<string, string> }> {
	const loaded = await loadPlan(actor, cityId, planId, 'edit');
	const { d, plan } = loaded;
	if (input.actionId && !(await queries.findAction(d, plan.id, input.actionId))) {
		return { ok: false, errors: { actionId: 'error_log_action_invalid' } };
	}
	if (files.length > MAX_FILES_PER_ENTRY) {
		return { ok: false, errors: { files: 'error_log_files_too_many' } };
	}
	const accepted: { bytes: Uint8Array; type: AcceptedType; name: string }[] = [];
	for (const file of files) {
		if (file.size === 0) return { ok: false, errors: { files: 'attachment_empty' } };
		if (file.size > maxAttachmentMb() * 1024 * 1024) {
			return { ok: false, errors: { files: 'attachment_too_large' } };
		}
		const bytes = new Uint8Array(await file.arrayBuffer());
		const type = await detectAccepted(bytes, file.name);
		if (!type) return { ok: false, errors: { files: 'attachment_type' } };
		accepted.push({ bytes, type, name: safeFilename(file.name, type) });
	}

	const store = storage();
	const stored: string[] = [];
	try {
		return await d.transaction(async (tx) => {
			const entry = await queries.insertLogEntry(tx, {
				planId: plan.id,
				actionId: input.actionId,
				happenedOn: input.happenedOn,
				when: input.when || null,
				text: input.text,
				links: input.links,
				createdBy: loaded.actor!.userId
			});
			for (const f of accepted) {
				const key = newKey();
				await queries.insertLogFile(tx, {
					entryId: entry.id,
					filename: f.name,
					contentType: f.type.mime,
					size: f.bytes.byteLength,
					storageKey: key,
					uploadedBy: loaded.actor!.userId
				});
				await store.put(key, f.bytes, f.type.mime);
				stored.push(key);
			}
			await queries.touchPlan(tx, plan.id);
			await audit.record(tx, {
				actorUserId: loaded.actor!.userId,
				action: 'plan.log.add',
				entityType: 'log_entry',
				entityId: entry.id,
				cityId: plan.cityId,
				after: { ...entry, files: accepted.map((f) => f.name) }
			});
			return { ok: true as const, id: entry.id };
		});
	} catch (e) {
		// The rows are gone with the transaction; the bytes must go too.
		await Promise.all(stored.map((key) => store.delete(key).catch(() => {})));
		throw e;
	}
}

/** One file of the log as a download, for whoever may read the plan (as evidence is served). */
export async function downloadLogFile(
	actor: Actor | null,
	cityId: string,
	planId: string,
	fileId: string
) {
	const loaded = await loadPlan(actor, cityId, planId, 'read');
	if (!isUuid(fileId)) error(404, 'Not found');
	const found = await queries.findLogFile(loaded.d, loaded.plan.id, fileId);
	if (!found) error(404, 'Not found');
	const object = await storage().get(found.storageKey);
	if (!object) error(404, 'Not found');
	return {
		body: object.body,
		headers: {
			'content-type': found.contentType,
			'content-length': String(found.size),
			'content-disposition': contentDisposition(found.filename),
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	};
}
