// A survey question as the pages show it: its texts already in the reader's language (or
// English where not translated, with the language they are in), built on the server from the
// version's definition (server/surveys/view.ts). Also the show-if the page evaluates as the
// person answers (JavaScript only; the server decides again on every save).

export type SurveyQuestionType =
	| 'text'
	| 'long_text'
	| 'number'
	| 'single'
	| 'multiple'
	| 'scale'
	| 'commitments'
	| 'table'
	| 'date';

/** A text with the language it is written in. */
export interface Text {
	text: string;
	lang: string;
}

export interface QuestionView {
	key: string;
	type: SurveyQuestionType;
	label: Text;
	help: Text | null;
	required: boolean;
	unit: Text | null;
	min: number | null;
	max: number | null;
	options: { key: string; label: Text }[];
	rows: { key: string; label: Text }[];
	columns: { key: string; label: Text }[];
	/** Commitment questions: the slug and the Charter's text (in English) of each. */
	commitments: { slug: string; text: string }[];
	showIf: { question: string; values: string[]; questionLabel: Text; valueLabels: string[] } | null;
}

export interface SectionView {
	key: string;
	title: Text;
	intro: Text | null;
	questions: QuestionView[];
}

/** What a field shows: the values typed or saved, per field name. */
export type FieldValues = Record<string, string[]>;

export const fieldName = (key: string, ...parts: string[]) => ['answer-' + key, ...parts].join('/');
