// Reading the questionnaire's forms. One key factor's page posts every question on it:
// rating-<questionId>, evidence-<questionId>, links-<questionId>, revision-<questionId>.
import * as v from 'valibot';
import { isUuid, type FieldErrors } from '../validation.ts';

export const MAX_EVIDENCE = 10_000;
export const MAX_LINKS = 10;
export const CYCLE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z –\-/]{0,30}$/;

export const responses = ['0', '1', '2', '3', '4', 'dont_know', 'not_applicable'] as const;
export type ResponseValue = (typeof responses)[number];

export const startForm = v.object({
	benchmark: v.pipe(v.optional(v.string(), ''), v.nonEmpty('error_benchmark_required')),
	cycle: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.nonEmpty('error_cycle_required'),
		v.regex(CYCLE_PATTERN, 'error_cycle_invalid')
	),
	prefill: v.optional(v.string(), '')
});

export interface AnswerInput {
	questionId: string;
	response: ResponseValue | null;
	evidence: string;
	links: string[];
	/** The revision the form was loaded with; 0 when there was no answer yet. */
	revision: number;
}

function parseLinks(raw: string): string[] | null {
	const lines = raw
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
	if (lines.length > MAX_LINKS) return null;
	for (const line of lines) {
		if (line.length > 2000) return null;
		try {
			const url = new URL(line);
			if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
		} catch {
			return null;
		}
	}
	return lines;
}

/** Every answer on the page, or the errors by field name (the values typed stay in the form). */
export function readAnswers(
	values: Record<string, string>
): { ok: true; answers: AnswerInput[] } | { ok: false; errors: FieldErrors } {
	const ids = new Set<string>();
	for (const key of Object.keys(values)) {
		const match = /^(?:rating|evidence|links|revision)-(.+)$/.exec(key);
		if (match) ids.add(match[1]!);
	}
	const answers: AnswerInput[] = [];
	const errors: FieldErrors = {};
	for (const id of ids) {
		if (!isUuid(id)) {
			errors._form = 'error_question_unknown';
			continue;
		}
		const raw = values[`rating-${id}`] ?? '';
		const response = (responses as readonly string[]).includes(raw) ? (raw as ResponseValue) : null;
		if (raw !== '' && !response) errors[`rating-${id}`] = 'error_rating_invalid';
		// Browsers count a line break as one character (maxlength); \r\n must not count twice.
		const evidence = (values[`evidence-${id}`] ?? '').replace(/\r\n/g, '\n').trim();
		if (evidence.length > MAX_EVIDENCE) errors[`evidence-${id}`] = 'error_evidence_too_long';
		const links = parseLinks(values[`links-${id}`] ?? '');
		if (!links) errors[`links-${id}`] = 'error_links_invalid';
		const revision = Number(values[`revision-${id}`] ?? '0');
		answers.push({
			questionId: id,
			response,
			evidence,
			links: links ?? [],
			revision: Number.isInteger(revision) && revision >= 0 ? revision : 0
		});
	}
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, answers };
}

export const contextLimits = ['not_at_all', 'somewhat', 'strongly'] as const;

/** An answer as its row keeps it: the response as kind and rating, the evidence, the links. */
export function answerValues(input: AnswerInput, updatedBy: string | null) {
	const response = input.response;
	const kindAndRating =
		response === null
			? { kind: null, rating: null }
			: response === 'dont_know' || response === 'not_applicable'
				? { kind: response, rating: null }
				: { kind: 'rated' as const, rating: Number(response) };
	return { ...kindAndRating, evidence: input.evidence, links: input.links, updatedBy };
}

/** Whether saving these values would change nothing (then the revision stays as it is). */
export function sameAnswer(
	existing: { kind: string | null; rating: number | null; evidence: string; links: string[] },
	values: ReturnType<typeof answerValues>
): boolean {
	return (
		existing.kind === values.kind &&
		existing.rating === values.rating &&
		existing.evidence === values.evidence &&
		JSON.stringify(existing.links) === JSON.stringify(values.links)
	);
}
