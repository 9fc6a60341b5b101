// Respondents of a self-assessment: the coordinator invites people by email into one
// assessment, each in a group (city staff, partner organisations and NGOs, migrants and
// migrant associations). Each answers on their own through the link they were sent, which
// is their only credential; the city sees per group how its questions were rated, and where
// groups see a question very differently. Every function starts with an access check (for
// the token functions: the token itself). Respondents' names never stand next to ratings.
import { createHash, randomBytes } from 'node:crypto';
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { db, type Db } from '../db/index.ts';
import { can, requireAccess, requireAssessmentAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import * as mail from '../mail/service.ts';
import * as benchmarks from '../benchmarks/service.ts';
import * as benchmarkQueries from '../benchmarks/queries.ts';
import * as cityQueries from '../cities/queries.ts';
import { fields, isUuid } from '../validation.ts';
import { m } from '../../paraglide/messages.js';
import * as queries from './queries.ts';
import type { AnswerInput, ResponseValue } from './forms.ts';
import { groupsDiffer, isRating, spread, type Rating } from './scoring.ts';

export const respondentGroups = ['city_staff', 'partner_organisation', 'migrant'] as const;
export type RespondentGroup = (typeof respondentGroups)[number];

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

function hashToken(token: string) {
	return createHash('sha256').update(token).digest('hex');
}

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

/** The assessment, readable by the actor (else 404; 401 without a session). */
async function load(actor: Actor | null, id: string) {
	if (!isUuid(id)) error(404, 'Not found');
	const a = await queries.findAssessment(await db(), id);
	if (!a) error(404, 'Not found');
	requireAssessmentAccess(actor, a, 'assessment.read');
	return a;
}

/** The benchmark version the assessment keeps; its content is public. */
async function contentOf(benchmarkId: string) {
	const row = await benchmarkQueries.findById(await db(), benchmarkId);
	if (!row) error(500, 'The benchmark of this assessment is missing.');
	const b = await benchmarks.getBenchmark(null, row.slug, row.version);
	if (!b) error(500, 'The benchmark of this assessment is missing.');
	return b;
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
	const a = await load(actor, assessmentId);
	requireAssessmentAccess(actor, a, 'assessment.manage');
	if (a.status !== 'in_progress') {
		return { ok: false, field: '_form', error: 'respondent_error_submitted' };
	}
	const email = input.email.trim().toLowerCase();
	const d = await db();
	if (await queries.findRespondentByEmail(d, a.id, email)) {
		return { ok: false, field: 'email', error: 'respondent_error_already_invited' };
	}
	const token = randomBytes(32).toString('base64url');
	let created: queries.Respondent;
	try {
		created = await d.transaction(async (tx) => {
			const row = await queries.insertRespondent(tx, {
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
		if (await queries.findRespondentByEmail(d, a.id, email)) {
			return { ok: false, field: 'email', error: 'respondent_error_already_invited' };
		}
		throw e;
	}
	const [c, b] = await Promise.all([
		cityQueries.findCityById(d, a.cityId),
		benchmarkQueries.findById(d, a.benchmarkId)
	]);
	await mail.send({
		to: email,
		...respondentMail({
			name: input.name,
			inviter: actor!.name,
			city: c?.name ?? '',
			cycle: a.cycle,
			benchmark: b?.title ?? '',
			group: input.group,
			link: `${origin}/respond/${token}`
		})
	});
	return { ok: true, respondentId: created.id };
}

/** Who was invited, in which group, how many questions each answered and when last. */
export async function listRespondents(actor: Actor | null, assessmentId: string) {
	const a = await load(actor, assessmentId);
	requireAssessmentAccess(actor, a, 'assessment.manage');
	const d = await db();
	const [rows, counts, content] = await Promise.all([
		queries.listRespondents(d, a.id),
		queries.countRespondentAnswers(d, a.id),
		contentOf(a.benchmarkId)
	]);
	const answered = new Map(counts.map((c) => [c.respondentId, Number(c.answered)]));
	return {
		questions: content.keyFactors.reduce((n, k) => n + k.guideQuestions.length, 0),
		respondents: rows.map((r) => ({
			id: r.id,
			name: r.name,
			email: r.email,
			group: r.group,
			invitedAt: r.createdAt,
			answered: answered.get(r.id) ?? 0,
			lastAnsweredAt: r.lastAnsweredAt
		}))
	};
}

type TaskStatus = 'not_started' | 'in_progress' | 'completed';

function taskStatus(questionIds: string[], answered: Set<string>): TaskStatus {
	const n = questionIds.filter((id) => answered.has(id)).length;
	return n === 0 ? 'not_started' : n === questionIds.length ? 'completed' : 'in_progress';
}

function responseValue(kind: string | null, rating: number | null): string {
	if (kind === 'rated') return rating === null ? '' : String(rating);
	return kind ?? '';
}

async function respondentOf(token: string) {
	if (!token || token.length > 200) return undefined;
	const d = await db();
	const r = await queries.findRespondentByTokenHash(d, hashToken(token));
	if (!r) return undefined;
	const a = await queries.findAssessment(d, r.assessmentId);
	if (!a) return undefined;
	return { respondent: r, assessment: a };
}

/**
 * What a respondent's link shows: the city, the assessment, the key factors with their own
 * answers only. The token is the credential, so no actor; an unknown token is undefined.
 */
export async function respondentByToken(token: string) {
	const found = await respondentOf(token);
	if (!found) return undefined;
	const { respondent: r, assessment: a } = found;
	const d = await db();
	const [content, answers, c] = await Promise.all([
		contentOf(a.benchmarkId),
		queries.listRespondentAnswers(d, r.id),
		cityQueries.findCityById(d, a.cityId)
	]);
	const byQuestion = new Map(answers.map((x) => [x.guideQuestionId, x]));
	const answered = new Set(answers.filter((x) => x.kind).map((x) => x.guideQuestionId));
	return {
		respondent: { name: r.name, group: r.group, lastAnsweredAt: r.lastAnsweredAt },
		status: a.status === 'in_progress' ? ('open' as const) : ('read_only' as const),
		city: { name: c?.name ?? '' },
		assessment: { cycle: a.cycle },
		benchmark: {
			slug: content.slug,
			title: content.title,
			version: content.version,
			isCurrent: content.isCurrent,
			language: content.language
		},
		keyFactors: content.keyFactors.map((k) => ({
			number: k.number,
			slug: k.slug,
			title: k.title,
			statement: k.statement,
			status: taskStatus(
				k.guideQuestions.map((q) => q.id),
				answered
			),
			questions: k.guideQuestions.map((q) => {
				const x = byQuestion.get(q.id);
				return {
					id: q.id,
					text: q.text,
					answer: {
						response: responseValue(x?.kind ?? null, x?.rating ?? null),
						evidence: x?.evidence ?? '',
						links: x?.links ?? [],
						revision: x?.revision ?? 0
					}
				};
			})
		}))
	};
}

export type RespondentView = NonNullable<Awaited<ReturnType<typeof respondentByToken>>>;

function toValues(response: ResponseValue | null) {
	if (response === null) return { kind: null, rating: null };
	if (response === 'dont_know' || response === 'not_applicable')
		return { kind: response, rating: null };
	return { kind: 'rated' as const, rating: Number(response) };
}

export type RespondentSaveOutcome =
	| { ok: true; saved: number }
	| { ok: false; reason: 'not-found' | 'submitted' | 'unknown-question' };

/**
 * Saves a respondent's own answers. One person answers, so there is nothing to merge: the
 * last save wins. Refused once the assessment is submitted.
 */
export async function saveRespondentAnswers(
	token: string,
	inputs: AnswerInput[]
): Promise<RespondentSaveOutcome> {
	const found = await respondentOf(token);
	if (!found) return { ok: false, reason: 'not-found' };
	const { respondent: r, assessment: a } = found;
	if (a.status !== 'in_progress') return { ok: false, reason: 'submitted' };
	const d = await db();
	const content = await contentOf(a.benchmarkId);
	const valid = new Set(content.keyFactors.flatMap((k) => k.guideQuestions.map((q) => q.id)));
	if (inputs.some((i) => !valid.has(i.questionId))) {
		return { ok: false, reason: 'unknown-question' };
	}
	let saved = 0;
	await d.transaction(async (tx: Db) => {
		for (const input of inputs) {
			const values = {
				...toValues(input.response),
				evidence: input.evidence,
				links: input.links,
				updatedBy: null
			};
			const existing = await queries.findAnswer(tx, a.id, input.questionId, r.id);
			if (!existing) {
				if (values.kind === null && !values.evidence && values.links.length === 0) continue;
				await queries.insertAnswer(tx, {
					...values,
					assessmentId: a.id,
					guideQuestionId: input.questionId,
					respondentId: r.id
				});
				saved++;
				continue;
			}
			const same =
				existing.kind === values.kind &&
				existing.rating === values.rating &&
				existing.evidence === values.evidence &&
				JSON.stringify(existing.links) === JSON.stringify(values.links);
			if (same) continue;
			await queries.updateAnswerIfRevision(tx, existing.id, existing.revision, values);
			saved++;
		}
		if (saved > 0) await queries.markRespondentAnswered(tx, r.id);
	});
	return { ok: true, saved };
}

export interface GroupView {
	group: RespondentGroup;
	/** How many of the group answered the question (ratings, Don't know, Not applicable). */
	count: number;
	/** The group's ratings, lowest first (never in the order of who gave them). */
	ratings: Rating[];
	/** The mean rating (0–4), unrounded; null when nobody of the group rated it. */
	mean: number | null;
	spread: { min: Rating; max: Rating; range: number } | null;
	dontKnow: number;
	notApplicable: number;
}

export interface QuestionGroupViews {
	questionId: string;
	text: string;
	/** Every group, in the order of respondentGroups, also those without answers. */
	groups: GroupView[];
	/** Two groups' mean ratings differ by two levels or more. */
	differ: boolean;
}

export interface KeyFactorGroupViews {
	number: number;
	slug: string;
	title: string;
	questions: QuestionGroupViews[];
}

/** Only the city's own coordinator and contributors see how its respondents answered. */
async function loadForGroups(actor: Actor | null, assessmentId: string) {
	const a = await load(actor, assessmentId);
	requireAccess(actor, 'assessment.read', { cityId: a.cityId });
	return a;
}

async function computeGroupViews(
	a: queries.Assessment,
	keyFactorSlug?: string
): Promise<KeyFactorGroupViews[]> {
	const d = await db();
	const [content, rows] = await Promise.all([
		contentOf(a.benchmarkId),
		queries.listGroupAnswers(d, a.id)
	]);
	const kfs =
		keyFactorSlug === undefined
			? content.keyFactors
			: content.keyFactors.filter((k) => k.slug === keyFactorSlug);
	if (keyFactorSlug !== undefined && kfs.length === 0) error(404, 'Not found');
	const byQuestion = new Map<string, typeof rows>();
	for (const row of rows) {
		const list = byQuestion.get(row.guideQuestionId) ?? [];
		list.push(row);
		byQuestion.set(row.guideQuestionId, list);
	}
	return kfs.map((k) => ({
		number: k.number,
		slug: k.slug,
		title: k.title,
		questions: k.guideQuestions.map((q) => {
			const answers = byQuestion.get(q.id) ?? [];
			const groups = respondentGroups.map((group): GroupView => {
				const mine = answers.filter((x) => x.group === group);
				const ratings = mine
					.flatMap((x) => (x.kind === 'rated' && isRating(x.rating) ? [x.rating] : []))
					.sort((x, y) => x - y);
				return {
					group,
					count: mine.length,
					ratings,
					mean: ratings.length ? ratings.reduce((s: number, x) => s + x, 0) / ratings.length : null,
					spread: spread(ratings),
					dontKnow: mine.filter((x) => x.kind === 'dont_know').length,
					notApplicable: mine.filter((x) => x.kind === 'not_applicable').length
				};
			});
			return {
				questionId: q.id,
				text: q.text,
				groups,
				differ: groupsDiffer(groups.map((g) => g.mean))
			};
		})
	}));
}

/**
 * Per question, per group: how many answered, their ratings, mean and spread, and whether
 * groups differ by two levels or more. For the city's coordinator and contributors.
 */
export async function groupViews(
	actor: Actor | null,
	assessmentId: string,
	keyFactorSlug?: string
): Promise<KeyFactorGroupViews[]> {
	const a = await loadForGroups(actor, assessmentId);
	return computeGroupViews(a, keyFactorSlug);
}

/**
 * For the key factor page's load: the group views of its questions by question id, or null
 * when the reader may read the assessment but not its respondents' views (a network admin of
 * a shared assessment). `respondents` is how many people were invited.
 */
export async function groupViewsForKeyFactor(
	actor: Actor | null,
	assessmentId: string,
	keyFactorSlug: string
): Promise<{ respondents: number; byQuestion: Record<string, QuestionGroupViews> } | null> {
	const a = await load(actor, assessmentId);
	if (!can(actor, 'assessment.read', { cityId: a.cityId })) return null;
	const [kf] = await computeGroupViews(a, keyFactorSlug);
	const invited = await queries.listRespondents(await db(), a.id);
	return {
		respondents: invited.length,
		byQuestion: Object.fromEntries(kf!.questions.map((q) => [q.questionId, q]))
	};
}

/** For the report: the questions where groups differ by two levels or more. */
export async function groupDifferences(actor: Actor | null, assessmentId: string) {
	const a = await loadForGroups(actor, assessmentId);
	const views = await computeGroupViews(a);
	return views.flatMap((k) =>
		k.questions
			.filter((q) => q.differ)
			.map((q) => ({
				keyFactor: { number: k.number, slug: k.slug, title: k.title },
				questionId: q.questionId,
				question: q.text,
				groups: q.groups.map((g) => ({ group: g.group, count: g.count, mean: g.mean }))
			}))
	);
}
