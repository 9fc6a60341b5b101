// What a respondent's personal link does: show the assessment with their own answers, and
// save them. The link's token is the only credential, so these functions take no actor: the
// token itself is the access check. A withdrawn link, or one replaced by a newer mail, is
// refused with 410 Gone (the page says so); an unknown one is not found.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import * as cityQueries from '../cities/queries.ts';
import * as queries from './queries.ts';
import * as respondentQueries from './respondent-queries.ts';
import { answerValues, sameAnswer, type AnswerInput } from './forms.ts';
import { contentOf, hashToken } from './respondent-shared.ts';

type TaskStatus = 'not_started' | 'in_progress' | 'completed';

function taskStatus(questionIds: string[], answered: Set<string>): TaskStatus {
	const n = questionIds.filter((id) => answered.has(id)).length;
	return n === 0 ? 'not_started' : n === questionIds.length ? 'completed' : 'in_progress';
}

function responseValue(kind: string | null, rating: number | null): string {
	if (kind === 'rated') return rating === null ? '' : String(rating);
	return kind ?? '';
}

/** Why a link that once worked no longer does. */
export type GoneReason = 'link-revoked' | 'link-replaced';

type Found =
	| { ok: true; respondent: respondentQueries.Respondent; assessment: queries.Assessment }
	| { ok: false; reason: 'not-found' | GoneReason };

async function respondentOf(token: string): Promise<Found> {
	if (!token || token.length > 200) return { ok: false, reason: 'not-found' };
	const d = await db();
	const hash = hashToken(token);
	const r = await respondentQueries.findRespondentByTokenHash(d, hash);
	if (!r) {
		const former = await respondentQueries.findFormerToken(d, hash);
		return { ok: false, reason: former ? 'link-replaced' : 'not-found' };
	}
	if (r.revokedAt) return { ok: false, reason: 'link-revoked' };
	const a = await queries.findAssessment(d, r.assessmentId);
	if (!a) return { ok: false, reason: 'not-found' };
	return { ok: true, respondent: r, assessment: a };
}

/** 410 for a link that was withdrawn or replaced: the error page explains which. */
function refuseGone(reason: GoneReason): never {
	error(410, 'This link is no longer valid.', { reason });
}

/**
 * What a respondent's link shows: the city, the assessment, the key factors with their own
 * answers only. An unknown token is undefined; a withdrawn or replaced one throws 410.
 */
export async function respondentByToken(token: string) {
	const found = await respondentOf(token);
	if (!found.ok) {
		if (found.reason === 'not-found') return undefined;
		refuseGone(found.reason);
	}
	const { respondent: r, assessment: a } = found;
	const d = await db();
	const [content, answers, c] = await Promise.all([
		contentOf(a.benchmarkId),
		respondentQueries.listRespondentAnswers(d, r.id),
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

export type RespondentSaveOutcome =
	| { ok: true; saved: number }
	| { ok: false; reason: 'not-found' | GoneReason | 'submitted' | 'unknown-question' };

/**
 * Saves a respondent's own answers. One person answers, so there is nothing to merge: the
 * last save wins. Refused once the assessment is submitted, or the link withdrawn.
 */
export async function saveRespondentAnswers(
	token: string,
	inputs: AnswerInput[]
): Promise<RespondentSaveOutcome> {
	const found = await respondentOf(token);
	if (!found.ok) return { ok: false, reason: found.reason };
	const { respondent: r, assessment: a } = found;
	if (a.status !== 'in_progress') return { ok: false, reason: 'submitted' };
	const d = await db();
	const content = await contentOf(a.benchmarkId);
	const valid = new Set(content.keyFactors.flatMap((k) => k.guideQuestions.map((q) => q.id)));
	if (inputs.some((i) => !valid.has(i.questionId))) {
		return { ok: false, reason: 'unknown-question' };
	}
	let saved = 0;
	const gone = await d.transaction(async (tx: Db): Promise<GoneReason | null> => {
		// The link may have been withdrawn or replaced since it was read: check again, under
		// the row's lock (revoking and re-sending take it too).
		const current = await respondentQueries.findRespondent(tx, a.id, r.id, { forUpdate: true });
		if (!current || current.revokedAt) return 'link-revoked';
		if (current.tokenHash !== r.tokenHash) return 'link-replaced';
		for (const input of inputs) {
			const values = answerValues(input, null);
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
			if (sameAnswer(existing, values)) continue;
			await queries.updateAnswerIfRevision(tx, existing.id, existing.revision, values);
			saved++;
		}
		if (saved > 0) await respondentQueries.markRespondentAnswered(tx, r.id);
		return null;
	});
	if (gone) return { ok: false, reason: gone };
	return { ok: true, saved };
}
