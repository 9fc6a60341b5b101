// Finishing a response (check answers, submit, ask to reopen): apart, as it judges the whole response, not one section.
import * as v from 'valibot';
import { db } from '../db/index.ts';
import { can, requireAccess, type Actor } from '../access/index.ts';
import * as queries from './response-queries.ts';
import type { Question } from './definition.ts';
import { encodeProblem, missingAnswer } from './answers.ts';
import { visibleQuestions, type AnswerRow } from './visibility.ts';
import { answeringState } from './responses.ts';
import { campaignOf, commitmentsIn, rowsByQuestion } from './response-common.ts';

/** One question on the check page: its answer, or flagged when a required one is missing. */
export interface CheckedQuestion {
	question: Question;
	rows: AnswerRow[];
	missing: string | null;
}

/** Every shown question of the response, per section, with what is missing before submitting. */
export async function check(actor: Actor | null, cityId: string, slug: string, locale: string) {
	requireAccess(actor, 'survey.respond', { cityId });
	const d = await db();
	const c = await campaignOf(d, cityId, slug);
	const [answerRows, commitments] = await Promise.all([
		queries.listAnswers(d, [c.responseId]),
		commitmentsIn(d)
	]);
	const answers = rowsByQuestion(answerRows);
	const visible = visibleQuestions(c.definition, answers);
	const ctx = { commitments: commitments.map((x) => x.slug), locale };
	const sections = c.definition.sections.map((s) => ({
		key: s.key,
		title: s.title,
		questions: s.questions
			.filter((q) => visible.has(q.key))
			.map((q): CheckedQuestion => {
				const missing = missingAnswer(q, answers.get(q.key), ctx);
				return {
					question: q,
					rows: answers.get(q.key) ?? [],
					missing: missing ? encodeProblem(missing) : null
				};
			})
	}));
	return {
		campaign: c,
		answering: answeringState(c),
		canSubmit: can(actor, 'survey.submit', { cityId }),
		commitments,
		sections,
		missing: sections.flatMap((s) =>
			s.questions
				.filter((q) => q.missing)
				.map((q) => ({ section: s.key, question: q.question, problem: q.missing! }))
		)
	};
}

export type SubmitOutcome =
	| { ok: true }
	| {
			ok: false;
			reason: 'missing';
			missing: { section: string; question: Question; problem: string }[];
	  }
	| { ok: false; reason: 'closed'; closesOn: string | null }
	| { ok: false; reason: 'submitted' | 'not_yet_open' };

/**
 * The coordinator submits: every shown required question answered, before the closing date.
 * Answers to questions hidden by the city's own answers are dropped then: they are not part
 * of what it says.
 */
export async function submit(
	actor: Actor | null,
	cityId: string,
	slug: string,
	locale: string
): Promise<SubmitOutcome> {
	requireAccess(actor, 'survey.submit', { cityId });
	const checked = await check(actor, cityId, slug, locale);
	const c = checked.campaign;
	if (checked.answering === 'closed') return { ok: false, reason: 'closed', closesOn: c.closesOn };
	if (checked.answering !== 'open') return { ok: false, reason: checked.answering };
	if (checked.missing.length) return { ok: false, reason: 'missing', missing: checked.missing };
	const d = await db();
	return d.transaction(async (tx) => {
		const answers = rowsByQuestion(await queries.listAnswers(tx, [c.responseId]));
		const visible = visibleQuestions(c.definition, answers);
		await queries.deleteAnswers(
			tx,
			c.responseId,
			[...answers.keys()].filter((k) => !visible.has(k))
		);
		if (!(await queries.markSubmitted(tx, c.responseId, actor.userId)))
			return { ok: false as const, reason: 'submitted' as const };
		return { ok: true as const };
	});
}

export const reopenSchema = v.object({
	reason: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.nonEmpty('sr_error_reopen_reason'),
		v.maxLength(2000, 'sr_error_reopen_reason_long')
	)
});

/** After submitting, the coordinator asks the network to reopen the response, saying why. */
export async function requestReopen(
	actor: Actor | null,
	cityId: string,
	slug: string,
	reason: string
): Promise<{ ok: true } | { ok: false; error: string }> {
	requireAccess(actor, 'survey.submit', { cityId });
	const d = await db();
	const c = await campaignOf(d, cityId, slug);
	if (c.responseStatus !== 'submitted') return { ok: false, error: 'sr_error_not_submitted' };
	const parsed = v.safeParse(reopenSchema, { reason });
	if (!parsed.success) return { ok: false, error: parsed.issues[0].message };
	await queries.markReopenRequested(d, c.responseId, parsed.output.reason);
	return { ok: true };
}
