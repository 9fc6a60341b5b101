// A section's form, read into answer rows (survey_answer's storage rules, see schema.ts), or a
// message per field. Pure: the service decides what is saved, this only reads what was typed.
// Fields: answer-<question> (a text, a number, a date, a choice, a scale point; several choices
// repeat it), answer-<question>/<commitment> (yes, partly, no), answer-<question>/<row>/<column>
// (a table's cell). Every question on the page also posts `asked` = its key, so that an empty
// set of boxes can clear an answer.
import { createHash } from 'node:crypto';
import { commitmentAnswers, localized, type Question } from './definition.ts';
import type { AnswerRow } from './visibility.ts';

/** A message: a key of the message files, with its parameters. */
export interface Problem {
	key: string;
	params?: Record<string, string>;
}

/** What was typed, per field name (several values for several choices). */
export type FormInput = Readonly<Record<string, readonly string[]>>;

export type Reading =
	{ ok: true; rows: AnswerRow[] } | { ok: false; errors: Record<string, Problem> };

export const TEXT_MAX = 1_000;
export const LONG_TEXT_MAX = 10_000;
/** The "None of these" box of a question of several choices (option keys never start with _). */
export const NONE = '_none';
export const SCALE = ['1', '2', '3', '4', '5'] as const;

export const fieldName = (q: Pick<Question, 'key'>, ...parts: string[]) =>
	['answer-' + q.key, ...parts].join('/');

/** The commitments a question asks about: its own list, or all of the Charter's. */
export function commitmentsOf(q: Question, all: readonly string[]): string[] {
	return q.commitments?.length ? q.commitments : [...all];
}

function first(form: FormInput, name: string): string {
	return (form[name]?.[0] ?? '').trim();
}

const SPACES = /[\s\u00a0\u202f'’]/g;

/**
 * A number as people type it: spaces and apostrophes between thousands are fine, so is a
 * decimal comma ("12,5"); "1,234" could be either and is asked again; words are not numbers.
 */
export function parseNumber(
	typed: string
): { ok: true; value: number } | { ok: false; problem: Problem } {
	let s = typed.replace(SPACES, '');
	if (/^[-+]?\d{1,3}(,\d{3})+$/.test(s))
		return { ok: false, problem: { key: 'sr_error_number_separator' } };
	if (/^[-+]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s))
		return { ok: false, problem: { key: 'sr_error_number' } };
	const value = Number(s);
	if (!Number.isFinite(value)) return { ok: false, problem: { key: 'sr_error_number' } };
	return { ok: true, value };
}

function rangeProblem(q: Question, value: number): Problem | null {
	const fmt = (n: number) => String(n);
	if (q.min !== undefined && q.max !== undefined && (value < q.min || value > q.max))
		return { key: 'sr_error_number_between', params: { min: fmt(q.min), max: fmt(q.max) } };
	if (q.min !== undefined && value < q.min)
		return { key: 'sr_error_number_min', params: { min: fmt(q.min) } };
	if (q.max !== undefined && value > q.max)
		return { key: 'sr_error_number_max', params: { max: fmt(q.max) } };
	return null;
}

/** A real day of the calendar as YYYY-MM-DD (2015-02-30 is not one). */
export function isRealDay(s: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!match) return false;
	const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * One question's answer from the form: its rows (none when left empty) or what is wrong,
 * per field. Whether it must be answered is asked separately (missingAnswer), when a section
 * is marked complete or the response submitted: a half-filled page is still saved.
 */
export function readAnswer(
	q: Question,
	form: FormInput,
	ctx: { commitments: readonly string[]; locale: string }
): Reading {
	const name = fieldName(q);
	const bad = (problem: Problem, field = name): Reading => ({
		ok: false,
		errors: { [field]: problem }
	});
	switch (q.type) {
		case 'text':
		case 'long_text': {
			const value = (form[name]?.[0] ?? '').replace(/\r\n?/g, '\n').trim();
			const max = q.type === 'text' ? TEXT_MAX : LONG_TEXT_MAX;
			if (value.length > max)
				return bad({
					key: 'sr_error_text_too_long',
					params: { max: String(max), count: String(value.length) }
				});
			return { ok: true, rows: value ? [{ cell: '', number: null, text: value }] : [] };
		}
		case 'number': {
			const typed = first(form, name);
			if (!typed) return { ok: true, rows: [] };
			const parsed = parseNumber(typed);
			if (!parsed.ok) return bad(parsed.problem);
			const range = rangeProblem(q, parsed.value);
			if (range) return bad(range);
			return { ok: true, rows: [{ cell: '', number: parsed.value, text: null }] };
		}
		case 'date': {
			const typed = first(form, name);
			if (!typed) return { ok: true, rows: [] };
			if (!isRealDay(typed)) return bad({ key: 'sr_error_date' });
			return { ok: true, rows: [{ cell: '', number: null, text: typed }] };
		}
		case 'single': {
			const typed = first(form, name);
			if (!typed) return { ok: true, rows: [] };
			if (!(q.options ?? []).some((o) => o.key === typed)) return bad({ key: 'sr_error_choice' });
			return { ok: true, rows: [{ cell: '', number: null, text: typed }] };
		}
		case 'scale': {
			const typed = first(form, name);
			if (!typed) return { ok: true, rows: [] };
			if (!(SCALE as readonly string[]).includes(typed)) return bad({ key: 'sr_error_choice' });
			return { ok: true, rows: [{ cell: '', number: Number(typed), text: null }] };
		}
		case 'multiple': {
			const chosen = [...new Set((form[name] ?? []).map((s) => s.trim()).filter(Boolean))];
			const keys = new Set((q.options ?? []).map((o) => o.key));
			if (chosen.some((c) => c !== NONE && !keys.has(c))) return bad({ key: 'sr_error_choice' });
			if (chosen.includes(NONE)) {
				if (chosen.length > 1) return bad({ key: 'sr_error_none_and_options' });
				return { ok: true, rows: [{ cell: '', number: 0, text: null }] };
			}
			// In the order of the options, whatever order the browser sent them in.
			const rows = (q.options ?? [])
				.filter((o) => chosen.includes(o.key))
				.map((o) => ({ cell: o.key, number: 1, text: null }));
			return { ok: true, rows };
		}
		case 'commitments': {
			const rows: AnswerRow[] = [];
			const errors: Record<string, Problem> = {};
			for (const slug of commitmentsOf(q, ctx.commitments)) {
				const field = fieldName(q, slug);
				const typed = first(form, field);
				if (!typed) continue;
				if (!(commitmentAnswers as readonly string[]).includes(typed))
					errors[field] = { key: 'sr_error_choice' };
				else rows.push({ cell: slug, number: null, text: typed });
			}
			return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rows };
		}
		case 'table': {
			const rows: AnswerRow[] = [];
			const errors: Record<string, Problem> = {};
			for (const r of q.rows ?? []) {
				for (const c of q.columns ?? []) {
					const field = fieldName(q, r.key, c.key);
					const typed = first(form, field);
					if (!typed) continue;
					const cell = `${localized(r.label, ctx.locale)} – ${localized(c.label, ctx.locale)}`;
					const parsed = parseNumber(typed);
					const problem = parsed.ok ? rangeProblem(q, parsed.value) : parsed.problem;
					if (problem)
						errors[field] = {
							key: 'sr_error_cell',
							params: { cell, reason: problemText(problem) }
						};
					else if (parsed.ok)
						rows.push({ cell: `${r.key}/${c.key}`, number: parsed.value, text: null });
				}
			}
			return Object.keys(errors).length ? { ok: false, errors } : { ok: true, rows };
		}
	}
}

/** A problem nested in another's message (a table cell's reason): '@' and the encoded message. */
function problemText(p: Problem): string {
	return '@' + encodeProblem(p);
}

/**
 * What is missing from an answer that must be given: nothing (null), the whole answer, or
 * the cells of a table / the commitments left empty (named in the message).
 */
export function missingAnswer(
	q: Question,
	rows: readonly AnswerRow[] | undefined,
	ctx: { commitments: readonly string[]; locale: string }
): Problem | null {
	if (!q.required) return null;
	const given = rows ?? [];
	if (q.type === 'table') {
		const cells = new Set(given.map((r) => r.cell));
		const missing: string[] = [];
		for (const r of q.rows ?? [])
			for (const c of q.columns ?? [])
				if (!cells.has(`${r.key}/${c.key}`))
					missing.push(`${localized(r.label, ctx.locale)} – ${localized(c.label, ctx.locale)}`);
		if (!missing.length) return null;
		return given.length
			? { key: 'sr_error_table_cells', params: { cells: missing.join(', ') } }
			: { key: 'sr_error_required' };
	}
	if (q.type === 'commitments') {
		const answered = new Set(given.map((r) => r.cell));
		const missing = commitmentsOf(q, ctx.commitments).filter((s) => !answered.has(s));
		return missing.length ? { key: 'sr_error_required' } : null;
	}
	return given.length ? null : { key: 'sr_error_required' };
}

/** The form fields that show a stored answer (the page's starting values). */
export function formValuesOf(
	q: Question,
	rows: readonly AnswerRow[] | undefined,
	ctx: { commitments: readonly string[] }
): Record<string, string[]> {
	const given = rows ?? [];
	const name = fieldName(q);
	switch (q.type) {
		case 'text':
		case 'long_text':
		case 'date':
		case 'single':
			return given[0]?.text ? { [name]: [given[0].text] } : {};
		case 'number':
		case 'scale':
			return given[0]?.number != null ? { [name]: [String(given[0].number)] } : {};
		case 'multiple':
			if (given.some((r) => r.cell === '' && r.number === 0)) return { [name]: [NONE] };
			return given.length ? { [name]: given.map((r) => r.cell) } : {};
		case 'commitments': {
			const out: Record<string, string[]> = {};
			for (const slug of commitmentsOf(q, ctx.commitments)) {
				const row = given.find((r) => r.cell === slug);
				if (row?.text) out[fieldName(q, slug)] = [row.text];
			}
			return out;
		}
		case 'table': {
			const out: Record<string, string[]> = {};
			for (const r of given)
				if (r.number != null) out[fieldName(q, ...r.cell.split('/'))] = [String(r.number)];
			return out;
		}
	}
}

/**
 * A short fingerprint of a stored answer: the page keeps the one it was shown, and a save
 * whose fingerprint no longer matches would overwrite what someone saved since.
 */
export function answerRevision(rows: readonly AnswerRow[] | undefined): string {
	const canonical = [...(rows ?? [])]
		.map((r) => [r.cell, r.number, r.text] as const)
		.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	if (!canonical.length) return '0';
	return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12);
}

export function sameRows(a: readonly AnswerRow[] | undefined, b: readonly AnswerRow[] | undefined) {
	return answerRevision(a) === answerRevision(b);
}

/**
 * A message as it travels to the page: its key, then its parameters as JSON after a bar
 * (the page translates it, see i18n.ts t()).
 */
export function encodeProblem(p: Problem): string {
	return p.params ? `${p.key}|${JSON.stringify(p.params)}` : p.key;
}

/** The question keys named by the answer fields of a form (answer-<key>[/…]). */
export function answeredKeys(form: FormInput): Set<string> {
	const keys = new Set<string>();
	for (const name of Object.keys(form)) {
		const match = /^answer-([^/]+)/.exec(name);
		if (match) keys.add(match[1]!);
	}
	for (const k of form.asked ?? []) keys.add(k);
	return keys;
}
