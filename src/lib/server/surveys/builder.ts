// Surveys and their versions: list, create, start a version, publish (then it never changes).
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { slugify } from '../cities/service.ts';
import type { FieldErrors } from '../validation.ts';
import { allQuestions, definitionIssues, type DefinitionIssue } from './definition.ts';
import * as queries from './builder-queries.ts';
import {
	conflict,
	publishedTypes,
	surveyOr404,
	type Failure,
	type Outcome,
	type VersionRef
} from './builder-draft.ts';

export type { Failure, Outcome, VersionRef } from './builder-draft.ts';

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
