// Respondents of a self-assessment: the coordinator invites people by email into one
// assessment, each in a group (city staff, partner organisations and NGOs, migrants and
// migrant associations), sees who answered how much, withdraws a link or sends it again.
// Each person answers on their own through the link they were sent (respondent-links.ts);
// the city sees per group how its questions were rated (group-views.ts). Every function
// starts with an access check: managing the assessment. Respondents' names never stand next
// to ratings.
import { randomBytes } from 'node:crypto';
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { db, type Db } from '../db/index.ts';
import { requireAssessmentAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import * as mail from '../mail/service.ts';
import * as benchmarkQueries from '../benchmarks/queries.ts';
import * as cityQueries from '../cities/queries.ts';
import { fields, isUuid } from '../validation.ts';
import { m } from '../../paraglide/messages.js';
import * as queries from './queries.ts';
import * as respondentQueries from './respondent-queries.ts';
import {
	contentOf,
	hashToken,
	loadAssessment,
	respondentGroups,
	type RespondentGroup
} from './respondent-shared.ts';

export { respondentGroups, type RespondentGroup };

/** How many times a day one respondent's invitation may be sent again. */
export const RESENDS_PER_DAY = 3;

export const respondentForm = v.object({
	name: fields.personName('respondent_error_name_required'),
	email: fields.email,
	// No radio ticked sends no field at all: that too is "choose a group".
	group: v.pipe(
		v.optional(v.string(), ''),
		v.picklist(respondentGroups, 'respondent_error_group_required')
	)
});
export type RespondentInput = v.InferOutput<typeof respondentForm>;

function groupName(group: RespondentGroup): string {
	switch (group) {
		case 'city_staff':
			return m.group_city_staff({}, { locale: 'en' });
		case 'partner_organisation':
			return m.group_partner_organisation({}, { locale: 'en' });
		case 'migrant':
			return m.group_migrant({}, { locale: 'en' });
	}
}

/** The invitation mail (English, as every mail of the app). */
export function respondentMail(p: {
	name: string;
	inviter: string;
	city: string;
	cycle: string;
	benchmark: string;
	group: RespondentGroup;
	link: string;
}) {
	return {
		purpose: 'respondent-invitation',
		subject: m.respondent_mail_subject({ city: p.city }, { locale: 'en' }),
		text: m.respondent_mail_body({ ...p, group: groupName(p.group) }, { locale: 'en' })
	};
}

function newToken() {
	return randomBytes(32).toString('base64url');
}

/** The assessment, if the actor may manage it (else 404; 401 without a session). */
async function loadManaged(actor: Actor | null, assessmentId: string) {
	const a = await loadAssessment(actor, assessmentId);
	requireAssessmentAccess(actor, a, 'assessment.manage');
	return a;
}

/** Sends the invitation mail with this token's link; after the transaction that made it. */
async function sendInvitation(
	actor: Actor,
	a: queries.Assessment,
	r: { name: string; email: string; group: RespondentGroup },
	token: string,
	origin: string
) {
	const d = await db();
	const [c, b] = await Promise.all([
		cityQueries.findCityById(d, a.cityId),
		benchmarkQueries.findById(d, a.benchmarkId)
	]);
	await mail.send({
		to: r.email,
		...respondentMail({
			name: r.name,
			inviter: actor.name,
			city: c?.name ?? '',
			cycle: a.cycle,
			benchmark: b?.title ?? '',
			group: r.group,
			link: `${origin}/respond/${token}`
		})
	});
}

export type InviteRespondentOutcome =
	{ ok: true; respondentId: string } | { ok: false; field: 'email' | '_form'; error: string };

/** Invites one person into the assessment, in a group; the mail carries their own link. */
export async function inviteRespondent(
	actor: Actor | null,
	assessmentId: string,
	input: RespondentInput,
	origin: string
): Promise<InviteRespondentOutcome> {
	const a = await loadManaged(actor, assessmentId);
	if (a.status !== 'in_progress') {
		return { ok: false, field: '_form', error: 'respondent_error_submitted' };
	}
	const email = input.email.trim().toLowerCase();
	const d = await db();
	if (await respondentQueries.findRespondentByEmail(d, a.id, email)) {
		return { ok: false, field: 'email', error: 'respondent_error_already_invited' };
	}
	const token = newToken();
	let created: respondentQueries.Respondent;
	try {
		created = await d.transaction(async (tx) => {
			const row = await respondentQueries.insertRespondent(tx, {
				assessmentId: a.id,
				name: input.name,
				email,
				group: input.group,
				tokenHash: hashToken(token),
				invitedBy: actor!.userId
			});
			await audit.record(tx, {
				actorUserId: actor!.userId,
				action: 'respondent.invite',
				entityType: 'respondent',
				entityId: row.id,
				cityId: a.cityId,
				after: { assessmentId: a.id, email: row.email, group: row.group }
			});
			return row;
		});
	} catch (e) {
		// Two invitations of the same address at once: the second one meets the unique key.
		if (await respondentQueries.findRespondentByEmail(d, a.id, email)) {
			return { ok: false, field: 'email', error: 'respondent_error_already_invited' };
		}
		throw e;
	}
	await sendInvitation(actor!, a, { ...input, email }, token, origin);
	return { ok: true, respondentId: created.id };
}

export type RespondentStatus = 'invited' | 'answering' | 'revoked';

/**
 * Who was invited, in which group, how many questions each answered and when last, and
 * where they are: invited (nothing answered yet), answering (some answers), revoked.
 */
export async function listRespondents(actor: Actor | null, assessmentId: string) {
	const a = await loadManaged(actor, assessmentId);
	const d = await db();
	const [rows, counts, content] = await Promise.all([
		respondentQueries.listRespondents(d, a.id),
		respondentQueries.countRespondentAnswers(d, a.id),
		contentOf(a.benchmarkId)
	]);
	const answered = new Map(counts.map((c) => [c.respondentId, Number(c.answered)]));
	return {
		questions: content.keyFactors.reduce((n, k) => n + k.guideQuestions.length, 0),
		respondents: rows.map((r) => {
			const n = answered.get(r.id) ?? 0;
			const status: RespondentStatus = r.revokedAt ? 'revoked' : n > 0 ? 'answering' : 'invited';
			return {
				id: r.id,
				name: r.name,
				email: r.email,
				group: r.group,
				invitedAt: r.createdAt,
				answered: n,
				lastAnsweredAt: r.lastAnsweredAt,
				revokedAt: r.revokedAt,
				status
			};
		})
	};
}

/** One respondent of a managed assessment, under the row's lock; another's id is a 404. */
async function lockRespondent(tx: Db, a: queries.Assessment, id: string) {
	const r = await respondentQueries.findRespondent(tx, a.id, id, { forUpdate: true });
	if (!r) error(404, 'Not found');
	return r;
}

export type RevokeRespondentOutcome = { ok: true; respondent: { name: string; email: string } };

/**
 * Withdraws a respondent's link: it then opens a page saying it is no longer valid, and
 * saves nothing. The answers already given stay, and still count in the group views (they
 * were given while the link was valid); the respondents page shows the link as withdrawn.
 * Allowed after submission too (the link then stops showing the answers). Withdrawing twice
 * changes nothing the second time. There is no undoing it.
 */
export async function revokeRespondent(
	actor: Actor | null,
	assessmentId: string,
	respondentId: string
): Promise<RevokeRespondentOutcome> {
	const a = await loadManaged(actor, assessmentId);
	if (!isUuid(respondentId)) error(404, 'Not found');
	const d = await db();
	return d.transaction(async (tx) => {
		const r = await lockRespondent(tx, a, respondentId);
		if (r.revokedAt) return { ok: true, respondent: { name: r.name, email: r.email } };
		const after = (await respondentQueries.revokeRespondent(tx, r.id, actor!.userId))!;
		await audit.record(tx, {
			actorUserId: actor!.userId,
			action: 'respondent.revoke',
			entityType: 'respondent',
			entityId: r.id,
			cityId: a.cityId,
			before: { assessmentId: a.id, email: r.email, revokedAt: null },
			after: { assessmentId: a.id, email: r.email, revokedAt: after.revokedAt }
		});
		return { ok: true, respondent: { name: r.name, email: r.email } };
	});
}

export type ResendInvitationOutcome =
	| { ok: true; respondent: { name: string; email: string } }
	| {
			ok: false;
			error:
				'respondent_error_submitted' | 'respondent_error_revoked' | 'respondent_error_resend_limit';
	  };

/**
 * Sends the invitation again, with a fresh link: the old one stops working (it says it was
 * replaced by a newer mail), so a link that went astray can be made useless. The answers
 * stay the respondent's. At most RESENDS_PER_DAY times a day per respondent; not once the
 * assessment is submitted, nor for a withdrawn link.
 */
export async function resendInvitation(
	actor: Actor | null,
	assessmentId: string,
	respondentId: string,
	origin: string
): Promise<ResendInvitationOutcome> {
	const a = await loadManaged(actor, assessmentId);
	if (!isUuid(respondentId)) error(404, 'Not found');
	const d = await db();
	const token = newToken();
	const outcome = await d.transaction(async (tx) => {
		const r = await lockRespondent(tx, a, respondentId);
		if (a.status !== 'in_progress') {
			return { ok: false as const, error: 'respondent_error_submitted' as const };
		}
		if (r.revokedAt) return { ok: false as const, error: 'respondent_error_revoked' as const };
		const dayAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
		if ((await respondentQueries.countFormerTokensSince(tx, r.id, dayAgo)) >= RESENDS_PER_DAY) {
			return { ok: false as const, error: 'respondent_error_resend_limit' as const };
		}
		await respondentQueries.replaceRespondentToken(tx, r.id, r.tokenHash, hashToken(token));
		await audit.record(tx, {
			actorUserId: actor!.userId,
			action: 'respondent.resend',
			entityType: 'respondent',
			entityId: r.id,
			cityId: a.cityId,
			after: { assessmentId: a.id, email: r.email, linkReplaced: true }
		});
		return { ok: true as const, respondent: r };
	});
	if (!outcome.ok) return outcome;
	const r = outcome.respondent;
	await sendInvitation(actor!, a, r, token, origin);
	return { ok: true, respondent: { name: r.name, email: r.email } };
}
