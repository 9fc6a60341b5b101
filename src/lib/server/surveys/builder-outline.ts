// Editing a draft's outline: sections, questions, their order and show-if conditions.
import { requireAccess, type Actor } from '../access/index.ts';
import {
	allQuestions,
	showIfValues,
	type Question,
	type Section,
	type ShowIf,
	type SurveyDefinition
} from './definition.ts';
import type { QuestionInput } from './builder-forms.ts';
import {
	change,
	failure,
	findQuestion,
	findSection,
	freshKey,
	withEnglish,
	type VersionRef
} from './builder-draft.ts';

/** Adds a section (key from its title, then kept) or changes its title and intro. */
export async function saveSection(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	key: string | null,
	input: { title: string; intro: string }
) {
	requireAccess(actor, 'survey.manage');
	return change<{ key: string }>(actor, ref, revision, 'survey.section.save', (definition, ctx) => {
		if (key) {
			const section = findSection(definition, key);
			section.title = withEnglish(section.title, input.title)!;
			section.intro = withEnglish(section.intro, input.intro);
			return { ok: true, definition, key };
		}
		const keys = new Set(definition.sections.map((s) => s.key));
		const fresh = freshKey(
			input.title,
			(k) => keys.has(k) || ctx.usedKeys.has(`section:${k}`),
			'section'
		);
		definition.sections.push({
			key: fresh,
			title: { en: input.title },
			...(input.intro ? { intro: { en: input.intro } } : {}),
			questions: []
		});
		return { ok: true, definition, key: fresh };
	});
}

export async function deleteSection(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	key: string
) {
	requireAccess(actor, 'survey.manage');
	return change(actor, ref, revision, 'survey.section.delete', (definition) => {
		findSection(definition, key);
		definition.sections = definition.sections.filter((s) => s.key !== key);
		return { ok: true, definition };
	});
}

/** Moves a section, or a question within its section, one place up or down. */
export async function move(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	what: { kind: 'section' | 'question'; key: string; direction: 'up' | 'down' }
) {
	requireAccess(actor, 'survey.manage');
	return change(actor, ref, revision, 'survey.move', (definition) => {
		const step = what.direction === 'up' ? -1 : 1;
		const swap = <T>(list: T[], i: number) => {
			const j = i + step;
			if (j < 0 || j >= list.length) return;
			[list[i], list[j]] = [list[j]!, list[i]!];
		};
		if (what.kind === 'section')
			swap(definition.sections, definition.sections.indexOf(findSection(definition, what.key)));
		else {
			const found = findQuestion(definition, what.key);
			swap(found.section.questions, found.index);
		}
		return { ok: true, definition };
	});
}

/**
 * Options from lines: a line that reads as an option did keeps that option's key (and its
 * translations); a changed line in the same place is taken as a rewording of the option that
 * was there; a new line gets a new key.
 */
function keepKeys(previous: Question['options'], texts: string[]) {
	const old = previous ?? [];
	const used = new Set<string>();
	const byText = texts.map((t) => {
		const same = old.find((o) => o.label.en === t && !used.has(o.key));
		if (same) used.add(same.key);
		return same;
	});
	const result = texts.map((t, i) => {
		let option = byText[i];
		if (!option) {
			const there = old[i];
			if (there && !used.has(there.key) && !texts.includes(there.label.en)) option = there;
		}
		if (option) {
			used.add(option.key);
			return { key: option.key, label: { ...option.label, en: t } };
		}
		return undefined;
	});
	const taken = new Set([...old.map((o) => o.key), ...used]);
	return result.map((o, i) => {
		if (o) return o;
		const key = freshKey(texts[i]!, (k) => taken.has(k), 'option');
		taken.add(key);
		return { key, label: { en: texts[i]! } };
	});
}

/**
 * Adds a question to a section or changes one. A question whose type changes although a
 * published version asked it as another type gets a new key: its answers must not join the
 * earlier ones in the trend. Show-if conditions naming it follow the new key.
 */
export async function saveQuestion(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	target: { section: string } | { question: string },
	input: QuestionInput
) {
	requireAccess(actor, 'survey.manage');
	return change<{ key: string; renamed: boolean }>(
		actor,
		ref,
		revision,
		'survey.question.save',
		(definition, ctx) => {
			const keys = new Set([...allQuestions(definition).map((q) => q.key), ...ctx.usedKeys]);
			let previous: Question | undefined;
			let place: { section: Section; index: number };
			if ('section' in target) {
				const section = findSection(definition, target.section);
				place = { section, index: section.questions.length };
			} else {
				const found = findQuestion(definition, target.question);
				previous = found.question;
				place = found;
			}
			let key = previous?.key ?? freshKey(input.label, (k) => keys.has(k), 'question');
			const publishedType = ctx.published.get(key);
			const renamed = !!previous && !!publishedType && publishedType !== input.type;
			if (renamed) key = freshKey(input.label, (k) => keys.has(k), 'question');
			const sameType = previous?.type === input.type;
			const q: Question = {
				key,
				type: input.type,
				label: withEnglish(previous?.label, input.label)!,
				required: input.required
			};
			const help = withEnglish(previous?.help, input.help);
			if (help) q.help = help;
			if (input.type === 'number' || input.type === 'table') {
				const unit = withEnglish(sameType ? previous?.unit : undefined, input.unit);
				if (unit?.en) q.unit = unit;
				if (input.min !== undefined) q.min = input.min;
				if (input.max !== undefined) q.max = input.max;
			}
			if (input.type === 'single' || input.type === 'multiple')
				q.options = keepKeys(renamed ? undefined : previous?.options, input.options);
			if (input.type === 'table') {
				q.rows = keepKeys(renamed ? undefined : previous?.rows, input.rows);
				q.columns = keepKeys(renamed ? undefined : previous?.columns, input.columns);
			}
			if (input.type === 'commitments' && input.commitments.length)
				q.commitments = input.commitments;
			if (previous?.showIf) q.showIf = previous.showIf;
			if (previous) place.section.questions[place.index] = q;
			else place.section.questions.push(q);
			if (renamed)
				for (const other of allQuestions(definition))
					if (other.showIf?.question === previous!.key) other.showIf.question = key;
			return { ok: true, definition, key, renamed };
		}
	);
}

export async function deleteQuestion(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	key: string
) {
	requireAccess(actor, 'survey.manage');
	return change(actor, ref, revision, 'survey.question.delete', (definition) => {
		const found = findQuestion(definition, key);
		found.section.questions.splice(found.index, 1);
		return { ok: true, definition };
	});
}

/** The questions before `key` whose answers a show-if condition can name. */
export function conditionCandidates(definition: SurveyDefinition, key: string) {
	const before: Question[] = [];
	for (const q of allQuestions(definition)) {
		if (q.key === key) break;
		if (showIfValues(q).length) before.push(q);
	}
	return before;
}

/** Shows a question only when an earlier question was answered so; null: always show it. */
export async function setShowIf(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	key: string,
	showIf: ShowIf | null
) {
	requireAccess(actor, 'survey.manage');
	return change(actor, ref, revision, 'survey.question.show_if', (definition) => {
		const { question } = findQuestion(definition, key);
		if (!showIf) {
			delete question.showIf;
			return { ok: true, definition };
		}
		const earlier = conditionCandidates(definition, key).find((q) => q.key === showIf.question);
		if (!earlier) return failure({ question: 'sb_error_show_if_not_before' });
		const allowed = showIfValues(earlier);
		const values = allowed.filter((x) => showIf.values.includes(x));
		if (!values.length || values.length !== new Set(showIf.values).size)
			return failure({ values: 'sb_error_show_if_values' });
		question.showIf = { question: earlier.key, values };
		return { ok: true, definition };
	});
}
