// The actions of a plan: added, edited (a save over a newer revision is a conflict, as with
// engagement parts), ordered, linked to key factors and questions, commented on by both
// cities.
import type { Db } from '../db/index.ts';
import type { Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import type { QuestionRef } from './schema.ts';
import * as queries from './plan-queries.ts';
import type { ActionInput } from './plan-forms.ts';
import { loadAction, loadPlan, mayIn, speakingCity, type LoadedPlan } from './plan-access.ts';
import { actionViews, keyFactorCatalogue, logViews, planHeader } from './plan-views.ts';
import { cityNamesByIds } from './queries.ts';

export type FieldErrors = Record<string, string>;

/** One action with its comments and its log entries, and what the actor may do. */
export async function getAction(
	actor: Actor | null,
	cityId: string,
	planId: string,
	actionId: string
) {
	const loaded = await loadPlan(actor, cityId, planId, 'read');
	const row = await loadAction(loaded, actionId);
	const { d } = loaded;
	const [header, [view], comments, entries] = await Promise.all([
		planHeader(d, loaded.plan, loaded.engagement),
		actionViews(d, actor, [row]),
		queries.listComments(d, row.id),
		queries.listLog(d, loaded.plan.id, row.id)
	]);
	const cities = await cityNamesByIds(d, [
		...new Set(comments.flatMap((c) => (c.cityId ? [c.cityId] : [])))
	]);
	return {
		plan: header,
		action: view!,
		comments: comments.map((c) => ({
			id: c.id,
			body: c.body,
			isSuggestion: c.isSuggestion,
			authorName: c.authorName,
			city: cities.find((x) => x.id === c.cityId) ?? null,
			createdAt: c.createdAt
		})),
		log: await logViews(d, entries, [row]),
		may: mayIn(actor, loaded)
	};
}

/** What the action form offers: the city's people as owners, the key factors and questions. */
export async function formOptions(actor: Actor | null, cityId: string, planId: string) {
	const loaded = await loadPlan(actor, cityId, planId, 'edit');
	const [header, owners, catalogue] = await Promise.all([
		planHeader(loaded.d, loaded.plan, loaded.engagement),
		queries.listOwnerChoices(loaded.d, loaded.plan.cityId),
		keyFactorCatalogue(actor)
	]);
	return { plan: header, owners, catalogue };
}

async function ownerError(d: Db, plan: queries.Plan, input: ActionInput): Promise<FieldErrors> {
	if (!input.ownerUserId) return {};
	const owners = await queries.listOwnerChoices(d, plan.cityId);
	return owners.some((o) => o.userId === input.ownerUserId)
		? {}
		: { ownerUserId: 'error_action_owner_invalid' };
}

function fieldsOf(input: ActionInput) {
	return {
		...input,
		ownerName: input.ownerName || null,
		droppedReason: input.status === 'dropped' ? input.droppedReason : null
	};
}

export async function addAction(
	actor: Actor | null,
	cityId: string,
	planId: string,
	input: ActionInput
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
	const loaded = await loadPlan(actor, cityId, planId, 'edit');
	const errors = await ownerError(loaded.d, loaded.plan, input);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return loaded.d.transaction(async (tx) => {
		const created = await queries.insertAction(tx, {
			...fieldsOf(input),
			planId: loaded.plan.id,
			createdBy: loaded.actor!.userId
		});
		await queries.touchPlan(tx, loaded.plan.id);
		await audit.record(tx, {
			actorUserId: loaded.actor!.userId,
			action: 'plan.action.add',
			entityType: 'action',
			entityId: created.id,
			cityId: loaded.plan.cityId,
			after: created
		});
		return { ok: true as const, id: created.id };
	});
}

export type UpdateOutcome =
	| { ok: true; revision: number }
	| { ok: false; errors: FieldErrors }
	| { ok: false; conflict: Awaited<ReturnType<typeof actionViews>>[number] };

async function conflictOf(loaded: LoadedPlan, actionId: string) {
	const now = await loadAction(loaded, actionId);
	const [view] = await actionViews(loaded.d, loaded.actor, [now]);
	return { ok: false as const, conflict: view! };
}

/** Saves an action; a save over a newer revision is refused with what is there now. */
export async function updateAction(
	actor: Actor | null,
	cityId: string,
	planId: string,
	actionId: string,
	input: ActionInput & { revision: number }
): Promise<UpdateOutcome> {
	const loaded = await loadPlan(actor, cityId, planId, 'edit');
	const before = await loadAction(loaded, actionId);
	const { revision, ...fields } = input;
	const errors = await ownerError(loaded.d, loaded.plan, fields);
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	const saved = await loaded.d.transaction(async (tx) => {
		const row = await queries.updateAction(tx, planId, before.id, revision, fieldsOf(fields));
		if (!row) return undefined;
		await queries.touchPlan(tx, loaded.plan.id);
		await audit.record(tx, {
			actorUserId: loaded.actor!.userId,
			action: 'plan.action.update',
			entityType: 'action',
			entityId: row.id,
			cityId: loaded.plan.cityId,
			before,
			after: row
		});
		return row;
	});
	return saved ? { ok: true, revision: saved.revision } : conflictOf(loaded, before.id);
}

/**
 * The key factors and guide questions an action addresses, from the current benchmarks; a
 * question it was made from (an older version's) stays while it is still ticked.
 */
export async function setRefs(
	actor: Actor | null,
	cityId: string,
	planId: string,
	actionId: string,
	input: { keyFactors: string[]; questions: string[]; revision: number }
): Promise<{ ok: true } | { ok: false; conflict: true }> {
	const loaded = await loadPlan(actor, cityId, planId, 'edit');
	const before = await loadAction(loaded, actionId);
	const catalogue = await keyFactorCatalogue(actor);
	const keyFactors = catalogue
		.filter((k) => input.keyFactors.includes(`${k.benchmark}/${k.slug}`))
		.map((k) => ({ benchmark: k.benchmark, slug: k.slug }));
	const known = new Map<string, QuestionRef>(
		before.questions.map((q) => [q.questionId, q] as const)
	);
	for (const k of catalogue) {
		for (const q of k.questions) known.set(q.id, { questionId: q.id, text: q.text });
	}
	const questions = input.questions.flatMap((id) => {
		const q = known.get(id);
		return q ? [q] : [];
	});
	const saved = await loaded.d.transaction(async (tx) => {
		const row = await queries.updateAction(tx, planId, before.id, input.revision, {
			keyFactors,
			questions
		});
		if (!row) return false;
		await audit.record(tx, {
			actorUserId: loaded.actor!.userId,
			action: 'plan.action.refs',
			entityType: 'action',
			entityId: row.id,
			cityId: loaded.plan.cityId,
			after: { keyFactors, questions }
		});
		return true;
	});
	return saved ? { ok: true } : { ok: false, conflict: true };
}

/** Moves an action one place up or down the plan (nothing happens at either end). */
export async function moveAction(
	actor: Actor | null,
	cityId: string,
	planId: string,
	input: { actionId: string; direction: 'up' | 'down' }
) {
	const loaded = await loadPlan(actor, cityId, planId, 'edit');
	const a = await loadAction(loaded, input.actionId);
	await loaded.d.transaction(async (tx) => {
		const other = await queries.neighbour(tx, a, input.direction);
		if (!other) return;
		await queries.setPosition(tx, a.id, other.position);
		await queries.setPosition(tx, other.id, a.position);
		await audit.record(tx, {
			actorUserId: loaded.actor!.userId,
			action: 'plan.action.move',
			entityType: 'action',
			entityId: a.id,
			cityId: loaded.plan.cityId,
			before: { position: a.position },
			after: { position: other.position }
		});
	});
}

/** A comment in the action's thread; a mentor city's may be a suggestion. */
export async function addComment(
	actor: Actor | null,
	cityId: string,
	planId: string,
	actionId: string,
	input: { body: string; suggestion: boolean }
) {
	const loaded = await loadPlan(actor, cityId, planId, 'comment');
	const a = await loadAction(loaded, actionId);
	const writer = loaded.actor!;
	return loaded.d.transaction(async (tx) => {
		const created = await queries.insertComment(tx, {
			actionId: a.id,
			cityId: speakingCity(writer, loaded),
			authorUserId: writer.userId,
			authorName: writer.name,
			isSuggestion: input.suggestion && mayIn(writer, loaded).suggest,
			body: input.body
		});
		await audit.record(tx, {
			actorUserId: writer.userId,
			action: 'plan.comment.add',
			entityType: 'action_comment',
			entityId: created.id,
			cityId: loaded.plan.cityId,
			after: { actionId: a.id, isSuggestion: created.isSuggestion }
		});
		return created;
	});
}
