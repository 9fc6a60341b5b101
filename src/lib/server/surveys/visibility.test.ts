import { describe, expect, it } from 'vitest';
import type { SurveyDefinition } from './definition.ts';
import { conditionValues, visibleQuestions, type AnswerRow } from './visibility.ts';

const label = { en: 'Q' };
const definition: SurveyDefinition = {
	sections: [
		{
			key: 'one',
			title: label,
			questions: [
				{ key: 'commit', type: 'commitments', label, required: true, commitments: ['a', 'b'] },
				{
					key: 'example',
					type: 'long_text',
					label,
					required: false,
					showIf: { question: 'commit', values: ['yes', 'partly'] }
				},
				{
					key: 'detail',
					type: 'text',
					label,
					required: true,
					showIf: { question: 'kinds', values: ['x'] }
				}
			]
		},
		{
			key: 'two',
			title: label,
			questions: [
				{
					key: 'kinds',
					type: 'multiple',
					label,
					required: false,
					options: [
						{ key: 'x', label },
						{ key: 'y', label }
					]
				},
				{
					key: 'more',
					type: 'single',
					label,
					required: false,
					options: [
						{ key: 'x', label },
						{ key: 'y', label }
					],
					showIf: { question: 'kinds', values: ['y'] }
				},
				{
					key: 'why',
					type: 'text',
					label,
					required: false,
					showIf: { question: 'more', values: ['x'] }
				},
				{ key: 'rate', type: 'scale', label, required: false },
				{
					key: 'low',
					type: 'text',
					label,
					required: false,
					showIf: { question: 'rate', values: ['1', '2'] }
				}
			]
		}
	]
};

const rows = (entries: Record<string, AnswerRow[]>) => new Map(Object.entries(entries));

describe('visibleQuestions', () => {
	it('shows questions without a condition and hides conditional ones while unanswered', () => {
		const visible = visibleQuestions(definition, rows({}));
		expect([...visible].sort()).toEqual(['commit', 'kinds', 'rate']);
	});

	it('reveals the example once a commitment is answered yes or partly, not no', () => {
		const yes = rows({
			commit: [
				{ cell: 'a', number: null, text: 'no' },
				{ cell: 'b', number: null, text: 'partly' }
			]
		});
		expect(visibleQuestions(definition, yes).has('example')).toBe(true);
		const no = rows({ commit: [{ cell: 'a', number: null, text: 'no' }] });
		expect(visibleQuestions(definition, no).has('example')).toBe(false);
	});

	it('follows chains: a question shown by a hidden question is hidden', () => {
		const chosen = rows({
			kinds: [{ cell: 'y', number: 1, text: null }],
			more: [{ cell: '', number: null, text: 'x' }]
		});
		expect(visibleQuestions(definition, chosen).has('why')).toBe(true);
		const notY = rows({
			kinds: [{ cell: 'x', number: 1, text: null }],
			more: [{ cell: '', number: null, text: 'x' }]
		});
		const visible = visibleQuestions(definition, notY);
		expect(visible.has('more')).toBe(false);
		expect(visible.has('why')).toBe(false);
	});

	it('reads a scale point as text and ignores "none of these"', () => {
		expect(
			visibleQuestions(definition, rows({ rate: [{ cell: '', number: 2, text: null }] })).has('low')
		).toBe(true);
		expect(
			visibleQuestions(definition, rows({ rate: [{ cell: '', number: 4, text: null }] })).has('low')
		).toBe(false);
		const none = [{ cell: '', number: 0, text: null }];
		expect(conditionValues(definition.sections[1]!.questions[0]!, none)).toEqual([]);
	});

	it('never shows a question whose condition names a later question', () => {
		// "detail" (section one) depends on "kinds" (section two): a definition that should not
		// have been published; the question stays hidden rather than failing.
		expect(
			visibleQuestions(definition, rows({ kinds: [{ cell: 'x', number: 1, text: null }] })).has(
				'detail'
			)
		).toBe(false);
	});
});
