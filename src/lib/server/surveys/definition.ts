// What a survey version holds: sections of questions, each label in one or more of the
// platform's languages (English always, the others where the network translated them).
// One valibot schema checks a definition wherever it comes from: the builder, a seed file, the API.
import * as v from 'valibot';
import { locales } from '#lib/paraglide/runtime.js';

export type Locale = (typeof locales)[number];
export type Localized = { en: string } & Partial<Record<Locale, string>>;

export const questionTypes = [
	'text',
	'long_text',
	'number',
	'single',
	'multiple',
	'scale',
	'commitments',
	'table',
	'date'
] as const;
export type QuestionType = (typeof questionTypes)[number];

/** The three answers a Charter commitment can get. */
export const commitmentAnswers = ['yes', 'partly', 'no'] as const;

const key = v.pipe(
	v.string(),
	v.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'A key is lower-case letters, digits and hyphens')
);

export const LocalizedSchema = v.pipe(
	v.object({
		en: v.pipe(v.string(), v.maxLength(2000)),
		...Object.fromEntries(
			locales
				.filter((l) => l !== 'en')
				.map((l) => [l, v.optional(v.pipe(v.string(), v.maxLength(2000)))])
		)
	}),
	v.transform((x) => x as Localized)
);

const OptionSchema = v.object({ key, label: LocalizedSchema });

/**
 * Show a question only when an earlier question's answer is one of `values`: an option key
 * (one or several choices: any chosen), a scale point as text ('1'…'5'), or 'yes' | 'partly' |
 * 'no' (commitments: any of the question's commitments answered so).
 */
export const ShowIfSchema = v.object({
	question: key,
	values: v.pipe(v.array(v.string()), v.minLength(1))
});
export type ShowIf = v.InferOutput<typeof ShowIfSchema>;

export const QuestionSchema = v.object({
	key,
	type: v.picklist(questionTypes),
	label: LocalizedSchema,
	help: v.optional(LocalizedSchema),
	required: v.boolean(),
	/** number and table: the unit shown beside the box, e.g. "people" or "€". */
	unit: v.optional(LocalizedSchema),
	/** number and table cells: the accepted range. */
	min: v.optional(v.number()),
	max: v.optional(v.number()),
	/** single and multiple. */
	options: v.optional(v.array(OptionSchema)),
	/** table: rows × columns of numbers, e.g. years × (arrivals, transit). */
	rows: v.optional(v.array(OptionSchema)),
	columns: v.optional(v.array(OptionSchema)),
	/** commitments: which of the Charter's commitments are asked (all when absent). */
	commitments: v.optional(v.array(v.string())),
	showIf: v.optional(ShowIfSchema)
});
export type Question = v.InferOutput<typeof QuestionSchema>;

export const SectionSchema = v.object({
	key,
	title: LocalizedSchema,
	intro: v.optional(LocalizedSchema),
	questions: v.array(QuestionSchema)
});
export type Section = v.InferOutput<typeof SectionSchema>;

export const SurveyDefinitionSchema = v.object({ sections: v.array(SectionSchema) });
export type SurveyDefinition = v.InferOutput<typeof SurveyDefinitionSchema>;

/** The text in the reader's language, or English where it was not translated. */
export function localized(text: Localized | undefined | null, locale: string): string {
	if (!text) return '';
	return (text as Record<string, string | undefined>)[locale] || text.en;
}

export function allQuestions(definition: SurveyDefinition): Question[] {
	return definition.sections.flatMap((s) => s.questions);
}

/** One problem of a definition, as data: the builder shows each next to its question. */
export type DefinitionIssue =
	| { kind: 'section_key_twice'; section: string }
	| {
			kind: 'key_twice' | 'options' | 'table' | 'range' | 'show_if_not_before' | 'show_if_free';
			question: string;
	  }
	| { kind: 'show_if_value'; question: string; value: string; other: string };

/**
 * Problems a definition can have beyond its shape: keys used twice, a show-if naming a
 * question that is not earlier or cannot take the value, choices without options, a table
 * without rows or columns, a minimum above the maximum. Empty when it can be published.
 */
export function definitionIssues(definition: SurveyDefinition): DefinitionIssue[] {
	const issues: DefinitionIssue[] = [];
	const seen = new Map<string, Question>();
	const sectionKeys = new Set<string>();
	for (const s of definition.sections) {
		if (sectionKeys.has(s.key)) issues.push({ kind: 'section_key_twice', section: s.key });
		sectionKeys.add(s.key);
		for (const q of s.questions) {
			const question = q.key;
			if (seen.has(q.key)) issues.push({ kind: 'key_twice', question });
			if ((q.type === 'single' || q.type === 'multiple') && (q.options?.length ?? 0) < 2)
				issues.push({ kind: 'options', question });
			if (q.type === 'table' && (!q.rows?.length || !q.columns?.length))
				issues.push({ kind: 'table', question });
			if (q.min !== undefined && q.max !== undefined && q.min > q.max)
				issues.push({ kind: 'range', question });
			if (q.showIf) {
				const earlier = seen.get(q.showIf.question);
				if (!earlier) issues.push({ kind: 'show_if_not_before', question });
				else if (!showIfValues(earlier).length) issues.push({ kind: 'show_if_free', question });
				else {
					const allowed = new Set(showIfValues(earlier));
					for (const value of q.showIf.values)
						if (!allowed.has(value))
							issues.push({ kind: 'show_if_value', question, value, other: earlier.key });
				}
			}
			seen.set(q.key, q);
		}
	}
	return issues;
}

/** The same problems as English sentences (seed checks, logs, the API). */
export function definitionProblems(definition: SurveyDefinition): string[] {
	return definitionIssues(definition).map((i) => {
		switch (i.kind) {
			case 'section_key_twice':
				return `section ${i.section}: key used twice`;
			case 'key_twice':
				return `${i.question}: key used twice`;
			case 'options':
				return `${i.question}: needs at least two options`;
			case 'table':
				return `${i.question}: needs rows and columns`;
			case 'range':
				return `${i.question}: minimum above maximum`;
			case 'show_if_not_before':
				return `${i.question}: shown if a question that is not before it`;
			case 'show_if_free':
				return `${i.question}: shown if a question that has no fixed answers`;
			case 'show_if_value':
				return `${i.question}: ${i.value} is not an answer of ${i.other}`;
		}
	});
}

/** The answers a show-if condition can name for a question (none for free answers). */
export function showIfValues(q: Question): string[] {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return (q.options ?? []).map((o) => o.key);
		case 'scale':
			return ['1', '2', '3', '4', '5'];
		case 'commitments':
			return [...commitmentAnswers];
		default:
			return [];
	}
}
