// The survey builder: a network admin makes a survey, edits its one draft version (sections,
// questions, show-if conditions, labels in other languages) and publishes it; a published
// version never changes, the next one starts as a copy of the last. Question keys stay the
// same across versions, because the trend across editions follows them. Every draft save
// names the revision it was read at, so that two admins editing at once get a conflict.
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { slugify } from '../cities/service.ts';
import type { FieldErrors } from '../validation.ts';
import {
	allQuestions,
	definitionIssues,
	showIfValues,
	SurveyDefinitionSchema,
	type DefinitionIssue,
	type Locale,
	type Localized,
	type Question,
	type QuestionType,
	type Section,
	type ShowIf,
	type SurveyDefinition
} from './definition.ts';
import type { QuestionInput } from './builder-forms.ts';
import * as queries from './builder-queries.ts';

export type Failure = { ok: false; errors: FieldErrors; conflict?: boolean };
export type Outcome<T extends object = object> = ({ ok: true } & T) | Failure;
export interface VersionRef {
	slug: string;
	number: number;
}

const conflict: Failure = { ok: false, errors: { _form: 'sb_error_conflict' }, conflict: true };
const failure = (errors: FieldErrors): Failure => ({ ok: false, errors });

export async function list(actor: Actor | null) {
	requireAccess(actor, 'survey.manage');
	return queries.listSurveys(await db());
}

/** A new survey with an empty first draft; the slug comes from the English title. */
export async function create(
	actor: Actor | null,
	input: { title: string; summary: string }
): Promise<Outcome<{ slug: string }>> {
	requireAccess(actor, 'survey.manage');
	const slug = slugify(input.title);
	if (!slug) return { ok: false, errors: { title: 'sb_error_title_no_letters' } };
	const d = await db();
	if (await queries.slugTaken(d, slug))
		return { ok: false, errors: { title: 'sb_error_slug_taken' } };
	return d.transaction(async (tx) => {
		const s = await queries.insertSurvey(tx, {
			slug,
			title: { en: input.title },
			summary: { en: input.summary },
			createdBy: actor.userId
		});
		await queries.insertVersion(tx, {
			surveyId: s.id,
			number: 1,
			definition: { sections: [] },
			createdBy: actor.userId
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'survey.create',
			entityType: 'survey',
			entityId: s.id,
			after: { slug, title: input.title }
		});
		return { ok: true as const, slug };
	});
}

async function surveyOr404(d: Db, slug: string) {
	const s = await queries.surveyBySlug(d, slug);
	if (!s) error(404, 'Not found');
	return s;
}

/** The survey and all its versions, oldest first. */
export async function overview(actor: Actor | null, slug: string) {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const survey = await surveyOr404(d, slug);
	const versions = await queries.versionsOf(d, survey.id);
	return { survey, versions, draft: versions.find((x) => x.status === 'draft') ?? null };
}

/** One version of the survey with what its pages need (the Charter's commitments). */
export async function version(actor: Actor | null, ref: VersionRef) {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const survey = await surveyOr404(d, ref.slug);
	const found = Number.isInteger(ref.number)
		? await queries.versionByNumber(d, survey.id, ref.number)
		: undefined;
	if (!found) error(404, 'Not found');
	const versions = await queries.versionsOf(d, survey.id);
	return {
		survey,
		version: found,
		commitments: await queries.commitments(d),
		/** Question key → type in published versions: a key must keep its meaning. */
		published: publishedTypes(versions)
	};
}

/** The draft version only: its edit pages do not exist for a published one. */
export async function draft(actor: Actor | null, ref: VersionRef) {
	const found = await version(actor, ref);
	if (found.version.status !== 'draft') error(404, 'Not found');
	return found;
}

function publishedTypes(versions: { status: string; definition: SurveyDefinition }[]) {
	const types = new Map<string, QuestionType>();
	for (const x of versions)
		if (x.status === 'published')
			for (const q of allQuestions(x.definition)) types.set(q.key, q.type);
	return types;
}

/** The next version as a copy of the last one's questions (keys kept); one draft at a time. */
export async function startVersion(
	actor: Actor | null,
	slug: string
): Promise<Outcome<{ number: number }>> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const survey = await surveyOr404(d, slug);
	return d.transaction(async (tx) => {
		const versions = await queries.versionsOf(tx, survey.id);
		const last = versions.at(-1);
		if (versions.some((x) => x.status === 'draft'))
			return { ok: false as const, errors: { _form: 'sb_error_draft_exists' } };
		const number = (last?.number ?? 0) + 1;
		const row = await queries.insertVersion(tx, {
			surveyId: survey.id,
			number,
			definition: structuredClone(last?.definition ?? { sections: [] }),
			createdBy: actor.userId
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'survey.version.start',
			entityType: 'survey_version',
			entityId: row.id,
			after: { slug, number, from: last?.number ?? null }
		});
		return { ok: true as const, number };
	});
}

type Change<T extends object> = (
	definition: SurveyDefinition,
	context: { published: Map<string, QuestionType>; usedKeys: Set<string> }
) => ({ ok: true; definition: SurveyDefinition } & T) | Failure;

/** Applies a change to the draft read at `revision`; a stale revision is a conflict. */
async function change<T extends object>(
	actor: Actor,
	ref: VersionRef,
	revision: number,
	action: string,
	apply: Change<T>
): Promise<Outcome<T & { revision: number }>> {
	const d = await db();
	const survey = await surveyOr404(d, ref.slug);
	return d.transaction(async (tx) => {
		const versions = await queries.versionsOf(tx, survey.id);
		const current = versions.find((x) => x.number === ref.number);
		if (!current) error(404, 'Not found');
		if (current.status !== 'draft') return { ok: false, errors: { _form: 'sb_error_published' } };
		if (current.revision !== revision) return conflict;
		const usedKeys = new Set(
			versions.flatMap((x) => [
				...allQuestions(x.definition).map((q) => q.key),
				...x.definition.sections.map((s) => `section:${s.key}`)
			])
		);
		const result = apply(structuredClone(current.definition), {
			published: publishedTypes(versions),
			usedKeys
		});
		if (!result.ok) return result;
		const { definition, ...rest } = result;
		// Only a well-formed definition is stored, whatever the change did.
		const checked = v.parse(SurveyDefinitionSchema, definition);
		const saved = await queries.saveDraft(tx, current.id, revision, checked);
		if (!saved) return conflict;
		await audit.record(tx, {
			actorUserId: actor.userId,
			action,
			entityType: 'survey_version',
			entityId: current.id,
			after: { ...rest, revision: saved.revision }
		});
		return { ...(rest as unknown as T), ok: true as const, revision: saved.revision };
	});
}

/** A key from a label, not used by any question (or section) in any version of the survey. */
function freshKey(label: string, taken: (k: string) => boolean, fallback: string) {
	const base = slugify(label).slice(0, 40).replace(/-+$/, '') || fallback;
	let key = base;
	for (let n = 2; taken(key); n++) key = `${base}-${n}`;
	return key;
}

function withEnglish(previous: Localized | undefined, en: string): Localized | undefined {
	if (!en && !previous) return undefined;
	return { ...(previous ?? {}), en };
}

function findSection(definition: SurveyDefinition, key: string) {
	const section = definition.sections.find((s) => s.key === key);
	if (!section) error(404, 'Not found');
	return section;
}

function findQuestion(definition: SurveyDefinition, key: string) {
	for (const section of definition.sections) {
		const index = section.questions.findIndex((q) => q.key === key);
		if (index >= 0) return { section, index, question: section.questions[index]! };
	}
	error(404, 'Not found');
}

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

type Texts = Record<string, Partial<Record<Locale, string>>>;

/** Replaces every language but English of a localized text (English is edited elsewhere). */
function translated(
	text: Localized | undefined,
	others: Partial<Record<Locale, string>> | undefined
) {
	if (!text) return text;
	return { en: text.en, ...(others ?? {}) } as Localized;
}

/** Per language, one line for each option (or row, column), in their order. */
function translatedList(
	list: Question['options'],
	others: Partial<Record<Locale, string>> | undefined
) {
	if (!list) return list;
	const perLocale = Object.entries(others ?? {}).map(
		([locale, text]) =>
			[
				locale,
				(text ?? '')
					.split(/\r?\n/)
					.map((l) => l.trim())
					.filter(Boolean)
			] as const
	);
	return list.map((o, i) => ({
		key: o.key,
		label: {
			en: o.label.en,
			...Object.fromEntries(perLocale.flatMap(([l, ls]) => (ls[i] ? [[l, ls[i]]] : [])))
		} as Localized
	}));
}

export async function translateQuestion(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	key: string,
	texts: Texts
) {
	requireAccess(actor, 'survey.manage');
	return change(actor, ref, revision, 'survey.question.translate', (definition) => {
		const { question: q } = findQuestion(definition, key);
		q.label = translated(q.label, texts.label)!;
		q.help = translated(q.help, texts.help);
		q.unit = translated(q.unit, texts.unit);
		q.options = translatedList(q.options, texts.options);
		q.rows = translatedList(q.rows, texts.rows);
		q.columns = translatedList(q.columns, texts.columns);
		for (const field of ['help', 'unit', 'options', 'rows', 'columns'] as const)
			if (q[field] === undefined) delete q[field];
		return { ok: true, definition };
	});
}

export async function translateSection(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	key: string,
	texts: Texts
) {
	requireAccess(actor, 'survey.manage');
	return change(actor, ref, revision, 'survey.section.translate', (definition) => {
		const section = findSection(definition, key);
		section.title = translated(section.title, texts.title)!;
		const intro = translated(section.intro, texts.intro);
		if (intro) section.intro = intro;
		return { ok: true, definition };
	});
}

/** The survey's own title and summary in other languages (they belong to no version). */
export async function translateSurvey(actor: Actor | null, slug: string, texts: Texts) {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const survey = await surveyOr404(d, slug);
	await d.transaction(async (tx) => {
		const title = translated(survey.title, texts.title)!;
		const summary = translated(survey.summary, texts.summary)!;
		await queries.updateSurveyTexts(tx, survey.id, { title, summary });
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'survey.translate',
			entityType: 'survey',
			entityId: survey.id,
			after: { title, summary }
		});
	});
}

export type PublishOutcome = { ok: true } | (Failure & { issues?: DefinitionIssue[] });

/**
 * Publishes the draft: it must have a question and no problem (each shown at its question),
 * and from version 2 on say what changed. It never changes again.
 */
export async function publish(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	note: string
): Promise<PublishOutcome> {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const survey = await surveyOr404(d, ref.slug);
	return d.transaction(async (tx) => {
		const current = await queries.versionByNumber(tx, survey.id, ref.number);
		if (!current) error(404, 'Not found');
		if (current.status !== 'draft') return { ok: false, errors: { _form: 'sb_error_published' } };
		if (current.revision !== revision) return conflict;
		const errors: FieldErrors = {};
		const issues = definitionIssues(current.definition);
		if (!allQuestions(current.definition).length) errors._form = 'sb_error_no_questions';
		if (current.number > 1 && !note) errors.note = 'sb_error_note_required';
		if (issues.length || Object.keys(errors).length) return { ok: false, errors, issues };
		const published = await queries.publishDraft(tx, current.id, revision, note);
		if (!published) return conflict;
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'survey.version.publish',
			entityType: 'survey_version',
			entityId: current.id,
			after: { slug: ref.slug, number: ref.number, note }
		});
		return { ok: true };
	});
}
