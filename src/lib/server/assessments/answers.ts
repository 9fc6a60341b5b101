// A city's answers to an assessment: the guide questions of a page, and the context notes.
// Every function starts with an access check; another city's assessment is a 404.
import { requireAssessmentAccess, type Actor } from '../access/index.ts';
import { db } from '../db/index.ts';
import * as benchmarkQueries from '../benchmarks/queries.ts';
import * as queries from './queries.ts';
import { load, questionsOf } from './load.ts';
import { answerValues, sameAnswer, type AnswerInput } from './forms.ts';

export interface Conflict {
	questionId: string;
	mine: AnswerInput;
	theirs: {
		kind: string | null;
		rating: number | null;
		evidence: string;
		links: string[];
		revision: number;
	};
}

export type SaveOutcome =
	| { ok: true; saved: number }
	| { ok: false; reason: 'submitted' }
	| { ok: false; reason: 'unknown-question' }
	| { ok: false; reason: 'conflict'; conflicts: Conflict[]; saved: number };

/**
 * Saves the city's answers of one page. An answer someone else saved since the form was
 * loaded is not overwritten: it comes back as a conflict with both versions, nothing lost.
 */
export async function saveAnswers(
	actor: Actor | null,
	id: string,
	inputs: AnswerInput[]
): Promise<SaveOutcome> {
	const a = await load(actor, id);
	requireAssessmentAccess(actor, a, 'assessment.answer');
	if (a.status !== 'in_progress') return { ok: false, reason: 'submitted' };
	const d = await db();
	const valid = new Set((await questionsOf(d, a.benchmarkId)).map((q) => q.id));
	if (inputs.some((i) => !valid.has(i.questionId)))
		return { ok: false, reason: 'unknown-question' };
	const conflicts: Conflict[] = [];
	let saved = 0;
	await d.transaction(async (tx) => {
		for (const input of inputs) {
			const values = answerValues(input, actor!.userId);
			const existing = await queries.findAnswer(tx, a.id, input.questionId, null);
			if (!existing) {
				if (values.kind === null && !values.evidence && values.links.length === 0) continue;
				await queries.insertAnswer(tx, {
					...values,
					assessmentId: a.id,
					guideQuestionId: input.questionId,
					respondentId: null
				});
				saved++;
				continue;
			}
			if (sameAnswer(existing, values)) continue;
			const updated =
				existing.revision === input.revision
					? await queries.updateAnswerIfRevision(tx, existing.id, input.revision, values)
					: undefined;
			if (updated) {
				saved++;
			} else {
				conflicts.push({
					questionId: input.questionId,
					mine: input,
					theirs: {
						kind: existing.kind,
						rating: existing.rating,
						evidence: existing.evidence,
						links: existing.links,
						revision: existing.revision
					}
				});
			}
		}
		if (saved > 0) await queries.touch(tx, a.id);
	});
	return conflicts.length > 0
		? { ok: false, reason: 'conflict', conflicts, saved }
		: { ok: true, saved };
}

export async function saveContextNotes(
	actor: Actor | null,
	id: string,
	notes: {
		contextFactorId: string;
		limit: 'not_at_all' | 'somewhat' | 'strongly' | null;
		why: string;
	}[]
) {
	const a = await load(actor, id);
	requireAssessmentAccess(actor, a, 'assessment.answer');
	if (a.status !== 'in_progress') return { ok: false as const, reason: 'submitted' as const };
	const d = await db();
	const valid = new Set(
		(await benchmarkQueries.listContextFactors(d, a.benchmarkId)).map((c) => c.id)
	);
	if (notes.some((n) => !valid.has(n.contextFactorId)))
		return { ok: false as const, reason: 'unknown-question' as const };
	await d.transaction(async (tx) => {
		for (const n of notes) await queries.upsertContextNote(tx, { assessmentId: a.id, ...n });
		await queries.touch(tx, a.id);
	});
	return { ok: true as const };
}
