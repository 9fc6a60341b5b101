// The Integrating Cities Charter: its commitments by role and the cities that signed it.
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { isUuid, type FieldErrors } from '../validation.ts';
import * as queries from './queries.ts';
import { countOverTime, type DatedSignatures } from './timeline.ts';
import { isFutureDay, type SignatureDetails, type SignatureInput } from './forms.ts';

export async function getCharter(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	const d = await db();
	const [document, roles, commitments, signatories, counts] = await Promise.all([
		queries.findDocument(d),
		queries.listRoles(d),
		queries.listCommitments(d),
		queries.listSignatories(d),
		queries.listCounts(d)
	]);
	return {
		title: document?.title ?? '',
		subtitle: document?.subtitle ?? '',
		launched: document?.launched ?? null,
		intro: document?.intro ?? '',
		about: document?.about ?? '',
		preambleExcerpt: document?.preambleExcerpt ?? '',
		source: document?.source ?? null,
		roles: roles.map((r) => ({
			slug: r.slug,
			title: r.title,
			lead: r.lead,
			commitments: commitments
				.filter((c) => c.roleId === r.id)
				.map((c) => ({ slug: c.slug, text: c.text }))
		})),
		signatories: signatories.map((s) => ({
			city: { slug: s.citySlug, name: s.cityName, country: s.country },
			signedOn: s.signedOn,
			place: s.place,
			signedBy: s.signedBy,
			eventStart: s.eventStart,
			eventEnd: s.eventEnd
		})),
		counts: counts.map((c) => ({ count: c.count, asOf: c.asOf, quote: c.quote, source: c.source })),
		overTime: countOverTime(counts, byDay(signatories)),
		undated: signatories.filter((s) => !s.signedOn && s.recordedAt).length
	};
}

/** Signatures with a known day, grouped by day, with the cities' names. */
function byDay(rows: { signedOn: string | null; cityName: string }[]): DatedSignatures[] {
	const days = new Map<string, string[]>();
	for (const r of rows) {
		if (r.signedOn) days.set(r.signedOn, [...(days.get(r.signedOn) ?? []), r.cityName]);
	}
	return [...days].map(([signedOn, cities]) => ({ signedOn, count: cities.length, cities }));
}

/** The admin's list: every signatory, whether recorded here (editable) or from the seeds. */
export async function listForAdmin(actor: Actor | null) {
	requireAccess(actor, 'signatory.record');
	return queries.listSignatoriesForAdmin(await db());
}

/** The cities of the network for the "Record a signature" form, each with whether it signed. */
export async function cityChoices(actor: Actor | null) {
	requireAccess(actor, 'signatory.record');
	return queries.listCityChoices(await db());
}

export type RecordResult = { ok: true; id: string } | { ok: false; errors: FieldErrors };

/**
 * Records that a city signed the Charter. What is not known stays null (never guessed); a day
 * in the future and a city that already signed are refused, each with its message.
 */
export async function record(actor: Actor | null, input: SignatureInput): Promise<RecordResult> {
	requireAccess(actor, 'signatory.record');
	const d = await db();
	if (!isUuid(input.cityId) || !(await queries.findCityById(d, input.cityId))) {
		return { ok: false, errors: { cityId: 'signatory_error_city_required' } };
	}
	if (isFutureDay(input.signedOn)) {
		return { ok: false, errors: { signedOn: 'signatory_error_date_future' } };
	}
	return d.transaction(async (tx) => {
		const row = await queries.insertSignatory(tx, {
			cityId: input.cityId,
			signedOn: input.signedOn,
			place: input.place || null,
			signedBy: input.signedBy || null,
			source: input.source || null,
			recordedBy: actor.userId,
			recordedAt: new Date()
		});
		// The unique city makes the check and the insert one step: two admins at once cannot both record it.
		if (!row) return { ok: false, errors: { cityId: 'signatory_error_already_signed' } };
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'signatory.record',
			entityType: 'signatory',
			entityId: row.id,
			cityId: row.cityId,
			after: row
		});
		return { ok: true, id: row.id };
	});
}

/** A signature recorded here, to edit; the seeds' ones are not (the seed file is their record). */
export async function recorded(actor: Actor | null, id: string) {
	requireAccess(actor, 'signatory.record');
	if (!isUuid(id)) error(404, 'Not found');
	const row = await queries.findSignatoryById(await db(), id);
	if (!row || !row.signatory.recordedAt) error(404, 'Not found');
	return { ...row.signatory, cityName: row.cityName, citySlug: row.citySlug };
}

export async function update(
	actor: Actor | null,
	id: string,
	input: SignatureDetails
): Promise<RecordResult> {
	requireAccess(actor, 'signatory.record');
	const before = await recorded(actor, id);
	if (isFutureDay(input.signedOn)) {
		return { ok: false, errors: { signedOn: 'signatory_error_date_future' } };
	}
	const d = await db();
	return d.transaction(async (tx) => {
		const after = await queries.updateSignatory(tx, id, {
			signedOn: input.signedOn,
			place: input.place || null,
			signedBy: input.signedBy || null,
			source: input.source || null
		});
		if (!after) error(404, 'Not found');
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'signatory.update',
			entityType: 'signatory',
			entityId: id,
			cityId: after.cityId,
			before,
			after
		});
		return { ok: true, id };
	});
}

export async function signatoryOfCity(actor: Actor | null, cityId: string) {
	requireAccess(actor, 'content.read');
	return (await queries.findSignatoryOfCity(await db(), cityId)) ?? null;
}
