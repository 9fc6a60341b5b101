// What the builder's pages show of a version, in the reader's language: the outline of
// sections and questions, a question as its form fields, the labels in other languages.
import {
	allQuestions,
	localized,
	showIfValues,
	type DefinitionIssue,
	type Localized,
	type Question,
	type SurveyDefinition
} from './definition.ts';
import { otherLocales } from './builder-forms.ts';

/** An answer a show-if can name: an option's label, a scale point, or yes/partly/no. */
export function valueLabels(q: Question, locale: string) {
	return showIfValues(q).map((value) => ({
		value,
		label: localized(q.options?.find((o) => o.key === value)?.label, locale) || null
	}));
}

export function outline(definition: SurveyDefinition, locale: string) {
	const byKey = new Map(allQuestions(definition).map((q) => [q.key, q]));
	return definition.sections.map((s) => ({
		key: s.key,
		title: localized(s.title, locale),
		intro: localized(s.intro, locale),
		questions: s.questions.map((q) => {
			const other = q.showIf ? byKey.get(q.showIf.question) : undefined;
			return {
				key: q.key,
				type: q.type,
				label: localized(q.label, locale),
				required: q.required,
				showIf: q.showIf
					? {
							label: other ? localized(other.label, locale) : q.showIf.question,
							values: q.showIf.values.map((value) => ({
								value,
								label:
									localized(other?.options?.find((o) => o.key === value)?.label, locale) || null
							}))
						}
					: null
			};
		})
	}));
}

const lines = (list: Question['options']) => (list ?? []).map((o) => o.label.en).join('\n');

/** A question as its page's fields (English: the builder's language of record). */
export function questionValues(q: Question): Record<string, string> {
	return {
		label: q.label.en,
		help: q.help?.en ?? '',
		required: q.required ? 'yes' : '',
		unit: q.unit?.en ?? '',
		min: q.min === undefined ? '' : String(q.min),
		max: q.max === undefined ? '' : String(q.max),
		options: lines(q.options),
		rows: lines(q.rows),
		columns: lines(q.columns)
	};
}

export interface TranslationField {
	name: string;
	english: string;
	lines?: number;
	values: Record<string, string>;
	multiline?: boolean;
}

function field(name: string, text: Localized | undefined, multiline = false): TranslationField {
	return {
		name,
		english: text?.en ?? '',
		multiline,
		values: Object.fromEntries(otherLocales.map((l) => [l, text?.[l] ?? '']))
	};
}

function listField(name: string, list: Question['options']): TranslationField {
	const items = list ?? [];
	return {
		name,
		english: lines(items),
		lines: items.length,
		multiline: true,
		values: Object.fromEntries(
			otherLocales.map((l) => [
				l,
				items.every((o) => o.label[l]) ? items.map((o) => o.label[l]).join('\n') : ''
			])
		)
	};
}

/** The fields of a question's "labels in other languages" page: only those it has. */
export function questionTranslationFields(q: Question): TranslationField[] {
	const fields = [field('label', q.label)];
	if (q.help?.en) fields.push(field('help', q.help, true));
	if (q.unit?.en) fields.push(field('unit', q.unit));
	if (q.options?.length) fields.push(listField('options', q.options));
	if (q.rows?.length) fields.push(listField('rows', q.rows));
	if (q.columns?.length) fields.push(listField('columns', q.columns));
	return fields;
}

export function textTranslationFields(
	texts: { name: string; text: Localized | undefined; multiline?: boolean }[]
) {
	return texts.filter((t) => t.text?.en).map((t) => field(t.name, t.text, t.multiline));
}

/** Each publishing problem at the question it is about, in the reader's language. */
export function issueViews(
	definition: SurveyDefinition,
	issues: DefinitionIssue[],
	locale: string
) {
	const byKey = new Map(allQuestions(definition).map((q) => [q.key, q]));
	return issues.map((i) => {
		if (i.kind === 'section_key_twice')
			return { kind: i.kind, anchor: `s-${i.section}`, label: i.section, value: '' };
		const q = byKey.get(i.question);
		return {
			kind: i.kind,
			anchor: `q-${i.question}`,
			label: q ? localized(q.label, locale) : i.question,
			value: i.kind === 'show_if_value' ? i.value : ''
		};
	});
}
