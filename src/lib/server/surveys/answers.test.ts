import { describe, expect, it } from 'vitest';
import type { Question } from './definition.ts';
import {
	LONG_TEXT_MAX,
	TEXT_MAX,
	answerRevision,
	answeredKeys,
	encodeProblem,
	formValuesOf,
	isRealDay,
	missingAnswer,
	parseNumber,
	readAnswer
} from './answers.ts';

const label = { en: 'Label', fr: 'Libellé' };
const ctx = { commitments: ['c1', 'c2'], locale: 'en' };
const q = (over: Partial<Question> & Pick<Question, 'type'>): Question => ({
	key: 'q',
	label,
	required: false,
	...over
});
const read = (question: Question, form: Record<string, string[]>) =>
	readAnswer(question, form, ctx);
const errorsOf = (r: ReturnType<typeof readAnswer>) => (r.ok ? {} : r.errors);

describe('reading answers', () => {
	it('text and long text: trimmed, empty means no row, too long is refused', () => {
		expect(read(q({ type: 'text' }), { 'answer-q': ['  Hello '] })).toEqual({
			ok: true,
			rows: [{ cell: '', number: null, text: 'Hello' }]
		});
		expect(read(q({ type: 'text' }), { 'answer-q': ['   '] })).toEqual({ ok: true, rows: [] });
		expect(
			errorsOf(read(q({ type: 'text' }), { 'answer-q': ['x'.repeat(TEXT_MAX + 1)] }))['answer-q']
				?.key
		).toBe('sr_error_text_too_long');
		expect(read(q({ type: 'long_text' }), { 'answer-q': ['a\r\nb'] })).toEqual({
			ok: true,
			rows: [{ cell: '', number: null, text: 'a\nb' }]
		});
		expect(read(q({ type: 'long_text' }), { 'answer-q': ['x'.repeat(LONG_TEXT_MAX)] }).ok).toBe(
			true
		);
		const long = errorsOf(
			read(q({ type: 'long_text' }), { 'answer-q': ['x'.repeat(LONG_TEXT_MAX + 1)] })
		)['answer-q'];
		expect(long).toEqual({
			key: 'sr_error_text_too_long',
			params: { max: '10000', count: '10001' }
		});
	});

	it('number: decimals, spaces and a decimal comma are fine; words and ambiguous commas are not', () => {
		const n = q({ type: 'number', min: 0, max: 1000 });
		expect(read(n, { 'answer-q': ['300'] })).toEqual({
			ok: true,
			rows: [{ cell: '', number: 300, text: null }]
		});
		expect(read(n, { 'answer-q': ['12.5'] })).toEqual({
			ok: true,
			rows: [{ cell: '', number: 12.5, text: null }]
		});
		expect(read(n, { 'answer-q': ['12,5'] })).toEqual({
			ok: true,
			rows: [{ cell: '', number: 12.5, text: null }]
		});
		expect(parseNumber('1 234 567')).toEqual({ ok: true, value: 1234567 });
		expect(errorsOf(read(n, { 'answer-q': ['about 300'] }))['answer-q']).toEqual({
			key: 'sr_error_number'
		});
		expect(errorsOf(read(n, { 'answer-q': ['1,234'] }))['answer-q']).toEqual({
			key: 'sr_error_number_separator'
		});
		expect(errorsOf(read(n, { 'answer-q': ['1e400'] }))['answer-q']).toEqual({
			key: 'sr_error_number'
		});
		expect(read(n, { 'answer-q': [''] })).toEqual({ ok: true, rows: [] });
	});

	it('number: out of range says the range', () => {
		expect(
			errorsOf(read(q({ type: 'number', min: 0, max: 100 }), { 'answer-q': ['101'] }))['answer-q']
		).toEqual({
			key: 'sr_error_number_between',
			params: { min: '0', max: '100' }
		});
		expect(
			errorsOf(read(q({ type: 'number', min: 0 }), { 'answer-q': ['-1'] }))['answer-q']
		).toEqual({ key: 'sr_error_number_min', params: { min: '0' } });
		expect(
			errorsOf(read(q({ type: 'number', max: 5 }), { 'answer-q': ['6'] }))['answer-q']
		).toEqual({ key: 'sr_error_number_max', params: { max: '5' } });
	});

	it('single: an option key, nothing else', () => {
		const s = q({
			type: 'single',
			options: [
				{ key: 'a', label },
				{ key: 'b', label }
			]
		});
		expect(read(s, { 'answer-q': ['b'] })).toEqual({
			ok: true,
			rows: [{ cell: '', number: null, text: 'b' }]
		});
		expect(errorsOf(read(s, { 'answer-q': ['zzz'] }))['answer-q']).toEqual({
			key: 'sr_error_choice'
		});
	});

	it('multiple: a row per option in the options\' order, "none of these" alone', () => {
		const s = q({
			type: 'multiple',
			options: [
				{ key: 'a', label },
				{ key: 'b', label }
			]
		});
		expect(read(s, { 'answer-q': ['b', 'a', 'b'] })).toEqual({
			ok: true,
			rows: [
				{ cell: 'a', number: 1, text: null },
				{ cell: 'b', number: 1, text: null }
			]
		});
		expect(read(s, { 'answer-q': ['_none'] })).toEqual({
			ok: true,
			rows: [{ cell: '', number: 0, text: null }]
		});
		expect(errorsOf(read(s, { 'answer-q': ['_none', 'a'] }))['answer-q']).toEqual({
			key: 'sr_error_none_and_options'
		});
		expect(errorsOf(read(s, { 'answer-q': ['c'] }))['answer-q']).toEqual({
			key: 'sr_error_choice'
		});
		expect(read(s, { asked: ['q'] })).toEqual({ ok: true, rows: [] });
	});

	it('scale: 1 to 5', () => {
		expect(read(q({ type: 'scale' }), { 'answer-q': ['4'] })).toEqual({
			ok: true,
			rows: [{ cell: '', number: 4, text: null }]
		});
		expect(errorsOf(read(q({ type: 'scale' }), { 'answer-q': ['6'] }))['answer-q']).toEqual({
			key: 'sr_error_choice'
		});
	});

	it("commitments: yes, partly or no per commitment (the Charter's when none are named)", () => {
		const c = q({ type: 'commitments' });
		expect(
			read(c, { 'answer-q/c1': ['yes'], 'answer-q/c2': ['partly'], 'answer-q/c3': ['no'] })
		).toEqual({
			ok: true,
			rows: [
				{ cell: 'c1', number: null, text: 'yes' },
				{ cell: 'c2', number: null, text: 'partly' }
			]
		});
		expect(
			errorsOf(read(q({ type: 'commitments', commitments: ['c2'] }), { 'answer-q/c2': ['maybe'] }))[
				'answer-q/c2'
			]
		).toEqual({ key: 'sr_error_choice' });
	});

	it('table: one row per filled cell; a bad cell is named with its reason', () => {
		const t = q({
			type: 'table',
			min: 0,
			rows: [{ key: '2015', label: { en: '2015' } }],
			columns: [
				{ key: 'arrivals', label: { en: 'Arrivals', fr: 'Arrivées' } },
				{ key: 'transit', label: { en: 'Transit' } }
			]
		});
		expect(read(t, { 'answer-q/2015/arrivals': ['3 055'], 'answer-q/2015/transit': [''] })).toEqual(
			{
				ok: true,
				rows: [{ cell: '2015/arrivals', number: 3055, text: null }]
			}
		);
		const bad = errorsOf(
			readAnswer(
				t,
				{ 'answer-q/2015/arrivals': ['-3'], 'answer-q/2015/transit': ['many'] },
				{ ...ctx, locale: 'fr' }
			)
		);
		expect(bad['answer-q/2015/arrivals']).toEqual({
			key: 'sr_error_cell',
			params: { cell: '2015 – Arrivées', reason: '@sr_error_number_min|{"min":"0"}' }
		});
		expect(bad['answer-q/2015/transit']).toEqual({
			key: 'sr_error_cell',
			params: { cell: '2015 – Transit', reason: '@sr_error_number' }
		});
	});

	it('date: a real day only', () => {
		expect(read(q({ type: 'date' }), { 'answer-q': ['2016-02-29'] })).toEqual({
			ok: true,
			rows: [{ cell: '', number: null, text: '2016-02-29' }]
		});
		expect(errorsOf(read(q({ type: 'date' }), { 'answer-q': ['2015-02-30'] }))['answer-q']).toEqual(
			{ key: 'sr_error_date' }
		);
		expect(errorsOf(read(q({ type: 'date' }), { 'answer-q': ['30/01/2015'] }))['answer-q']).toEqual(
			{ key: 'sr_error_date' }
		);
		expect(isRealDay('2015-13-01')).toBe(false);
	});
});

describe('required answers', () => {
	const table = q({
		type: 'table',
		required: true,
		rows: [
			{ key: 'r1', label: { en: 'Row 1' } },
			{ key: 'r2', label: { en: 'Row 2' } }
		],
		columns: [{ key: 'c', label: { en: 'Col' } }]
	});
	it('a required table names its empty cells', () => {
		expect(missingAnswer(table, [{ cell: 'r1/c', number: 1, text: null }], ctx)).toEqual({
			key: 'sr_error_table_cells',
			params: { cells: 'Row 2 – Col' }
		});
		expect(missingAnswer(table, [], ctx)).toEqual({ key: 'sr_error_required' });
		expect(
			missingAnswer(
				table,
				[
					{ cell: 'r1/c', number: 1, text: null },
					{ cell: 'r2/c', number: 0, text: null }
				],
				ctx
			)
		).toBeNull();
	});
	it('commitments need every commitment; others any answer; optional ones nothing', () => {
		const c = q({ type: 'commitments', required: true });
		expect(missingAnswer(c, [{ cell: 'c1', number: null, text: 'yes' }], ctx)).toEqual({
			key: 'sr_error_required'
		});
		expect(missingAnswer(q({ type: 'text', required: true }), undefined, ctx)).toEqual({
			key: 'sr_error_required'
		});
		expect(missingAnswer(q({ type: 'text' }), undefined, ctx)).toBeNull();
	});
});

describe('form values, fingerprints and messages', () => {
	it('a stored answer reads back as the same form, round trip', () => {
		const questions: [Question, Record<string, string[]>][] = [
			[
				q({
					type: 'multiple',
					options: [
						{ key: 'a', label },
						{ key: 'b', label }
					]
				}),
				{ 'answer-q': ['a', 'b'] }
			],
			[
				q({
					type: 'multiple',
					options: [
						{ key: 'a', label },
						{ key: 'b', label }
					]
				}),
				{ 'answer-q': ['_none'] }
			],
			[q({ type: 'commitments' }), { 'answer-q/c1': ['no'] }],
			[
				q({ type: 'table', rows: [{ key: 'r', label }], columns: [{ key: 'c', label }] }),
				{ 'answer-q/r/c': ['2.5'] }
			],
			[q({ type: 'number' }), { 'answer-q': ['7'] }],
			[q({ type: 'date' }), { 'answer-q': ['2026-01-31'] }]
		];
		for (const [question, form] of questions) {
			const reading = read(question, form);
			expect(reading.ok).toBe(true);
			if (reading.ok) expect(formValuesOf(question, reading.rows, ctx)).toEqual(form);
		}
	});
	it('a fingerprint ignores row order and changes with the answer', () => {
		const a = { cell: 'a', number: 1, text: null };
		const b = { cell: 'b', number: 1, text: null };
		expect(answerRevision([a, b])).toBe(answerRevision([b, a]));
		expect(answerRevision([a])).not.toBe(answerRevision([a, b]));
		expect(answerRevision([])).toBe('0');
	});
	it('names the questions a form answers, and encodes messages with parameters', () => {
		expect(
			[
				...answeredKeys({ 'answer-a': ['x'], 'answer-b/r/c': ['1'], asked: ['c'], then: ['next'] })
			].sort()
		).toEqual(['a', 'b', 'c']);
		expect(encodeProblem({ key: 'k', params: { n: '1' } })).toBe('k|{"n":"1"}');
		expect(encodeProblem({ key: 'k' })).toBe('k');
	});
});
