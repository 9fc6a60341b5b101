// The survey builder's forms, checked on the server: each problem is a message key next to its
// field, and what was typed goes back unchanged (see validation.ts).
import * as v from 'valibot';
import { locales } from '#lib/paraglide/runtime.js';
import { optionalText, requiredText, type FieldErrors } from '../validation.ts';
import { questionTypes, type Locale, type QuestionType } from './definition.ts';

export const otherLocales = locales.filter((l) => l !== 'en') as Exclude<Locale, 'en'>[];

export const limits = {
	title: 200,
	summary: 2000,
	label: 500,
	help: 2000,
	unit: 40,
	line: 200,
	lines: 60,
	note: 2000
};

export const surveyForm = v.object({
	title: requiredText(limits.title, 'sb_error_title_required', 'sb_error_too_long'),
	summary: optionalText(limits.summary, 'sb_error_too_long')
});

export const sectionForm = v.object({
	title: requiredText(limits.title, 'sb_error_section_title_required', 'sb_error_too_long'),
	intro: optionalText(limits.help, 'sb_error_too_long')
});

export const typeForm = v.object({
	type: v.pipe(v.optional(v.string(), ''), v.picklist(questionTypes, 'sb_error_type_required'))
});

export const revisionOf = (values: Record<string, string>) => {
	const n = Number(values.revision);
	return Number.isInteger(n) && n >= 0 ? n : -1;
};

/** A question as the admin typed it on its page (type chosen on the page before). */
export interface QuestionInput {
	type: QuestionType;
	label: string;
	help: string;
	required: boolean;
	unit: string;
	min?: number;
	max?: number;
	options: string[];
	rows: string[];
	columns: string[];
	/** Chosen commitments; all of them when every box is ticked (see definition.ts). */
	commitments: string[];
}

/** The non-empty lines of a text box, each trimmed. */
export function lines(text: string | undefined): string[] {
	return (text ?? '')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
}

function numberIn(text: string | undefined): number | undefined | null {
	const s = (text ?? '').trim().replace(/\s/g, '').replace(',', '.');
	if (s === '') return undefined;
	const n = Number(s);
	return Number.isFinite(n) ? n : null;
}

function listProblem(list: string[]): string | undefined {
	if (list.length > limits.lines) return 'sb_error_too_many_lines';
	if (list.some((l) => l.length > limits.line)) return 'sb_error_line_too_long';
	if (new Set(list.map((l) => l.toLowerCase())).size !== list.length) return 'sb_error_lines_twice';
}

/** Reads the question page: the question, or the message for each field that is wrong. */
export function readQuestion(
	type: QuestionType,
	values: Record<string, string>,
	chosenCommitments: string[],
	allCommitments: string[]
): { ok: true; input: QuestionInput } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const label = (values.label ?? '').trim();
	const help = (values.help ?? '').trim();
	const unit = (values.unit ?? '').trim();
	if (!label) errors.label = 'sb_error_label_required';
	else if (label.length > limits.label) errors.label = 'sb_error_too_long';
	if (help.length > limits.help) errors.help = 'sb_error_too_long';
	const input: QuestionInput = {
		type,
		label,
		help,
		required: values.required === 'yes',
		unit: '',
		options: [],
		rows: [],
		columns: [],
		commitments: []
	};
	if (type === 'number' || type === 'table') {
		if (unit.length > limits.unit) errors.unit = 'sb_error_too_long';
		input.unit = unit;
		const min = numberIn(values.min);
		const max = numberIn(values.max);
		if (min === null) errors.min = 'sb_error_number_invalid';
		if (max === null) errors.max = 'sb_error_number_invalid';
		if (typeof min === 'number' && typeof max === 'number' && min > max)
			errors.max = 'sb_error_min_above_max';
		input.min = min ?? undefined;
		input.max = max ?? undefined;
	}
	if (type === 'single' || type === 'multiple') {
		input.options = lines(values.options);
		const problem = listProblem(input.options);
		if (problem) errors.options = problem;
		else if (input.options.length < 2) errors.options = 'sb_error_options_too_few';
	}
	if (type === 'table') {
		input.rows = lines(values.rows);
		input.columns = lines(values.columns);
		const rows = listProblem(input.rows);
		const columns = listProblem(input.columns);
		if (rows) errors.rows = rows;
		else if (!input.rows.length) errors.rows = 'sb_error_rows_required';
		if (columns) errors.columns = columns;
		else if (!input.columns.length) errors.columns = 'sb_error_columns_required';
	}
	if (type === 'commitments') {
		input.commitments = chosenCommitments.filter((c) => allCommitments.includes(c));
		if (!input.commitments.length) errors.commitments = 'sb_error_commitments_required';
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, input };
}

/** What the "labels in other languages" pages send: field_locale → text. */
export function readTranslations(
	values: Record<string, string>,
	fields: { name: string; max: number; lines?: number }[]
):
	| { ok: true; texts: Record<string, Partial<Record<Locale, string>>> }
	| { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const texts: Record<string, Partial<Record<Locale, string>>> = {};
	for (const f of fields) {
		texts[f.name] = {};
		for (const locale of otherLocales) {
			const name = `${f.name}_${locale}`;
			const text = (values[name] ?? '').trim();
			if (f.lines !== undefined) {
				const list = lines(text);
				if (list.length && list.length !== f.lines) errors[name] = 'sb_error_lines_count';
				else if (list.some((l) => l.length > limits.line)) errors[name] = 'sb_error_line_too_long';
			} else if (text.length > f.max) errors[name] = 'sb_error_too_long';
			if (text) texts[f.name]![locale] = text;
		}
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, texts };
}
