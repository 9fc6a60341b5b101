// Show-if: which questions a city is asked, given its answers so far. A hidden question is
// neither required nor part of what the city submits; a question shown only if a hidden one was
// answered so is hidden too (conditions follow each other down the survey).
import { allQuestions, type Question, type SurveyDefinition } from './definition.ts';

/** One stored value of an answer, as survey_answer holds it. */
export interface AnswerRow {
	cell: string;
	number: number | null;
	text: string | null;
}

export type AnswerRows = ReadonlyMap<string, readonly AnswerRow[]>;

/**
 * The answers a show-if condition can name, as given: the option chosen (one or several), the
 * scale point as text, or yes/partly/no for commitments.
 */
export function conditionValues(q: Question, rows: readonly AnswerRow[] | undefined): string[] {
	if (!rows?.length) return [];
	switch (q.type) {
		case 'single':
			return rows.flatMap((r) => (r.text ? [r.text] : []));
		case 'multiple':
			return rows.flatMap((r) => (r.cell && r.number === 1 ? [r.cell] : []));
		case 'scale':
			return rows.flatMap((r) => (r.number === null ? [] : [String(r.number)]));
		case 'commitments':
			return rows.flatMap((r) => (r.text ? [r.text] : []));
		default:
			return [];
	}
}

/** The keys of the questions shown, given the answers; questions without show-if always are. */
export function visibleQuestions(definition: SurveyDefinition, answers: AnswerRows): Set<string> {
	const visible = new Set<string>();
	const byKey = new Map<string, Question>();
	for (const q of allQuestions(definition)) {
		byKey.set(q.key, q);
		if (!q.showIf) {
			visible.add(q.key);
			continue;
		}
		const earlier = byKey.get(q.showIf.question);
		// A condition on a question that is not earlier (a definition that should not have been
		// published) cannot be met: the question stays hidden rather than the page failing.
		if (!earlier || !visible.has(earlier.key)) continue;
		const given = conditionValues(earlier, answers.get(earlier.key));
		if (q.showIf.values.some((v) => given.includes(v))) visible.add(q.key);
	}
	return visible;
}

/** Whether a question is shown in every case (no condition), for the preview's explanations. */
export function isConditional(q: Question): boolean {
	return !!q.showIf;
}
