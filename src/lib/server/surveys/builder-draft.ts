// Saving a change to a draft (revision check, key rules), shared by the outline and its translations.
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { db, type Db } from '../db/index.ts';
import type { Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { slugify } from '../cities/service.ts';
import type { FieldErrors } from '../validation.ts';
import {
	allQuestions,
	SurveyDefinitionSchema,
	type Localized,
	type QuestionType,
	type SurveyDefinition
} from './definition.ts';
import * as queries from './builder-queries.ts';

export type Failure = { ok: false; errors: FieldErrors; conflict?: boolean };
export type Outcome<T extends object = object> = ({ ok: true } & T) | Failure;
export interface VersionRef {
	slug: string;
	number: number;
}

export const conflict: Failure = {
	ok: false,
	errors: { _form: 'sb_error_conflict' },
	conflict: true
};
export const failure = (errors: FieldErrors): Failure => ({ ok: false, errors });

export async function surveyOr404(d: Db, slug: string) {
	const s = await queries.surveyBySlug(d, slug);
	if (!s) error(404, 'Not found');
	return s;
}

export function publishedTypes(versions: { status: string; definition: SurveyDefinition }[]) {
	const types = new Map<string, QuestionType>();
	for (const x of versions)
		if (x.status === 'published')
			for (const q of allQuestions(x.definition)) types.set(q.key, q.type);
	return types;
}

export type Change<T extends object> = (
	definition: SurveyDefinition,
	context: { published: Map<string, QuestionType>; usedKeys: Set<string> }
) => ({ ok: true; definition: SurveyDefinition } & T) | Failure;

/** Applies a change to the draft read at `revision`; a stale revision is a conflict. */
export async function change<T extends object>(
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
export function freshKey(label: string, taken: (k: string) => boolean, fallback: string) {
	const base = slugify(label).slice(0, 40).replace(/-+$/, '') || fallback;
	let key = base;
	for (let n = 2; taken(key); n++) key = `${base}-${n}`;
	return key;
}

export function withEnglish(previous: Localized | undefined, en: string): Localized | undefined {
	if (!en && !previous) return undefined;
	return { ...(previous ?? {}), en };
}

export function findSection(definition: SurveyDefinition, key: string) {
	const section = definition.sections.find((s) => s.key === key);
	if (!section) error(404, 'Not found');
	return section;
}

export function findQuestion(definition: SurveyDefinition, key: string) {
	for (const section of definition.sections) {
		const index = section.questions.findIndex((q) => q.key === key);
		if (index >= 0) return { section, index, question: section.questions[index]! };
	}
	error(404, 'Not found');
}
