// The survey builder's words for what the server sends as data: question types, show-if
// conditions, publishing problems. Content (labels typed by admins, in any language) goes
// into a sentence isolated (FSI … PDI), so that English in an Arabic sentence keeps its order.
import { m } from './paraglide/messages.js';

const isolate = (text: string) => `\u2068${text}\u2069`;

export const questionTypeNames = [
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

export function typeLabel(type: string): string {
	switch (type) {
		case 'text':
			return m.sb_type_text();
		case 'long_text':
			return m.sb_type_long_text();
		case 'number':
			return m.sb_type_number();
		case 'single':
			return m.sb_type_single();
		case 'multiple':
			return m.sb_type_multiple();
		case 'scale':
			return m.sb_type_scale();
		case 'commitments':
			return m.sb_type_commitments();
		case 'table':
			return m.sb_type_table();
		case 'date':
			return m.sb_type_date();
		default:
			return type;
	}
}

export function typeHint(type: string): string {
	switch (type) {
		case 'scale':
			return m.sb_type_scale_hint();
		case 'commitments':
			return m.sb_type_commitments_hint();
		case 'table':
			return m.sb_type_table_hint();
		default:
			return '';
	}
}

/** An answer a condition names: an option's label, or a scale point / yes, partly, no. */
export function valueLabel(v: { value: string; label: string | null }): string {
	if (v.label) return v.label;
	if (v.value === 'yes') return m.sb_answer_yes();
	if (v.value === 'partly') return m.sb_answer_partly();
	if (v.value === 'no') return m.sb_answer_no();
	return v.value;
}

export function showIfText(s: {
	label: string;
	values: { value: string; label: string | null }[];
}) {
	return m.sb_shown_if({
		question: isolate(s.label),
		answers: s.values.map((v) => isolate(valueLabel(v))).join(' / ')
	});
}

export function issueText(issue: { kind: string; label: string; value: string }): string {
	const i = { ...issue, label: isolate(issue.label) };
	switch (i.kind) {
		case 'section_key_twice':
		case 'key_twice':
			return m.sb_problem_key_twice({ question: i.label });
		case 'options':
			return m.sb_problem_options({ question: i.label });
		case 'table':
			return m.sb_problem_table({ question: i.label });
		case 'range':
			return m.sb_problem_range({ question: i.label });
		case 'show_if_not_before':
			return m.sb_problem_show_if_not_before({ question: i.label });
		case 'show_if_free':
			return m.sb_problem_show_if_free({ question: i.label });
		default:
			return m.sb_problem_show_if_value({ question: i.label, value: i.value });
	}
}
