// Action plans (issue 5): a city's own, or the implementing city's inside an engagement. The
// city edits its plan; in an engagement the mentor city comments and suggests. Every function
// asks access/ first (through plan-access.ts); every change is audited in its transaction.
// Actions, comments and the report's "add to action plan" are in plan-actions.ts; the
// implementation log in plan-log.ts; both are re-exported here, so routes import this file.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import * as assessments from '../assessments/service.ts';
import {
	can,
	canInEngagement,
	canInPlan,
	requireAccess,
	requireEngagementAccess,
	type Actor
} from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { isUuid } from '../validation.ts';
import { isOverdue, todayIso } from '../../plans.ts';
import * as queries from './plan-queries.ts';
import { findEngagementById } from './queries.ts';
import { loadPlan, mayIn, scopeOf, type LoadedPlan } from './plan-access.ts';
import { actionViews, logViews, planHeader } from './plan-views.ts';

export * from './plan-actions.ts';
export * from './plan-log.ts';
export type { ActionView, LogView } from './plan-views.ts';

/**
 * The plans a city takes part in, as its workspace lists them: its own plans and the plans of
 * its engagements (as implementing or as mentor city), those the actor may read.
 */
export async function listOfCity(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'city.workspace.read', { cityId });
	const d = await db();
	const rows = (await queries.listPlansOfCity(d, cityId)).filter((r) =>
		canInPlan(actor, scopeOf(r.plan, r.engagement), 'read')
	);
	const today = todayIso();
	return Promise.all(
		rows.map(async (r) => {
			const [header, actions] = await Promise.all([
				planHeader(d, r.plan, r.engagement),
				queries.listActions(d, r.plan.id)
			]);
			return {
				...header,
				role: !r.engagement
					? ('own' as const)
					: r.engagement.mentorCityId === cityId
						? ('mentor' as const)
						: ('implementing' as const),
				actions: actions.length,
				done: actions.filter((a) => a.status === 'done').length,
				overdue: actions.filter((a) => isOverdue(a, today)).length
			};
		})
	);
}

/** Whether the actor may start a plan of the city's own. */
export function mayCreate(actor: Actor | null, cityId: string) {
	return isUuid(cityId) && can(actor, 'plan.edit', { cityId });
}

/** A plan of the city's own (not in an engagement). */
export async function create(actor: Actor | null, cityId: string, input: { title: string }) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'plan.edit', { cityId });
	const d = await db();
	return d.transaction(async (tx) => {
		const plan = (await queries.insertPlan(tx, {
			cityId,
			title: input.title,
			createdBy: actor.userId
		}))!;
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'plan.create',
			entityType: 'action_plan',
			entityId: plan.id,
			cityId,
			after: plan
		});
		return plan;
	});
}

/** The id of an engagement's plan for those who may read the engagement; null while none. */
export async function idOfEngagement(actor: Actor | null, engagementId: string) {
	if (!isUuid(engagementId)) error(404, 'Not found');
	const d = await db();
	const e = await findEngagementById(d, engagementId);
	if (!e) error(404, 'Not found');
	requireEngagementAccess(actor, e, 'read');
	return (await queries.findPlanOfEngagement(d, e.id))?.id ?? null;
}

/**
 * An engagement's plan, opened from the engagement under one of its cities' addresses: the
 * plan's id, made (titled after the engagement) the first time the implementing city opens
 * it; null when there is none yet and the actor may not make it (the mentor city).
 */
export async function openForEngagement(
	actor: Actor | null,
	cityId: string,
	engagementId: string
): Promise<string | null> {
	if (!isUuid(engagementId) || !isUuid(cityId)) error(404, 'Not found');
	const d = await db();
	const e = await findEngagementById(d, engagementId);
	if (!e) error(404, 'Not found');
	requireEngagementAccess(actor, e, 'read');
	if (cityId !== e.mentorCityId && cityId !== e.implementingCityId) error(404, 'Not found');
	const existing = await queries.findPlanOfEngagement(d, e.id);
	if (existing) return existing.id;
	if (!canInEngagement(actor, e, 'plan.edit')) return null;
	return d.transaction(async (tx) => {
		const plan = await queries.insertPlan(tx, {
			cityId: e.implementingCityId,
			engagementId: e.id,
			title: e.title,
			createdBy: actor.userId
		});
		// Someone else opened it at the same moment: theirs is the plan.
		if (!plan) return (await queries.findPlanOfEngagement(tx, e.id))!.id;
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'plan.create',
			entityType: 'action_plan',
			entityId: plan.id,
			cityId: e.implementingCityId,
			after: plan
		});
		return plan.id;
	});
}

async function assemble(loaded: LoadedPlan) {
	const { d, actor, plan, engagement } = loaded;
	const [header, rows, counts] = await Promise.all([
		planHeader(d, plan, engagement),
		queries.listActions(d, plan.id),
		queries.commentCounts(d, plan.id)
	]);
	return {
		plan: header,
		actions: await actionViews(d, actor, rows, counts),
		rows,
		may: mayIn(actor, loaded),
		today: todayIso()
	};
}

/** A plan with its actions in order, as the city in the address sees it. */
export async function get(actor: Actor | null, cityId: string, planId: string) {
	const loaded = await loadPlan(actor, cityId, planId, 'read');
	const { rows: _rows, ...view } = await assemble(loaded);
	return view;
}

/**
 * The whole plan: its actions (with how many comments each has) and its implementation log
 * (with files), for whoever may read it; what exports, print and the API reuse.
 */
export async function fullPlan(actor: Actor | null, planId: string, cityId: string | null = null) {
	const loaded = await loadPlan(actor, cityId, planId, 'read');
	const { rows, ...view } = await assemble(loaded);
	const log = await logViews(loaded.d, await queries.listLog(loaded.d, planId), rows);
	return { ...view, log };
}
export type FullPlan = Awaited<ReturnType<typeof fullPlan>>;

/**
 * The plans of the city this actor may add actions to, for an assessment report's "add to
 * action plan" buttons: `may` is false when there is no button to show.
 */
export async function reportPlanChoices(actor: Actor | null, cityId: string) {
	// Editing any plan of the city needs plan.edit in it (an engagement's plan is the
	// implementing city's): readers such as network admins cost no query.
	if (!isUuid(cityId) || !can(actor, 'plan.edit', { cityId })) {
		return { may: false, plans: [] };
	}
	const plans = await editablePlans(await db(), actor, cityId);
	return {
		may: plans.length > 0 || can(actor, 'plan.edit', { cityId }),
		plans: plans.map((p) => ({ id: p.id, title: p.title }))
	};
}

async function editablePlans(d: Db, actor: Actor | null, cityId: string) {
	return (await queries.listPlansOfCity(d, cityId))
		.filter(
			(r) => r.plan.cityId === cityId && canInPlan(actor, scopeOf(r.plan, r.engagement), 'edit')
		)
		.map((r) => r.plan);
}

/**
 * An action made from a "what more to do" line of the city's assessment report: titled after
 * the guide question, linked to it and its key factor, in the chosen plan (the city's only
 * one; or a new plan titled `newPlanTitle` when it has none).
 */
export async function addFromReport(
	actor: Actor | null,
	cityId: string,
	assessmentId: string,
	input: { keyFactor: string; questionId: string; planId: string | null; newPlanTitle: string }
): Promise<{ planId: string; actionId: string }> {
	const view = await assessments.get(actor, assessmentId);
	if (view.cityId !== cityId) error(404, 'Not found');
	const keyFactor = view.keyFactors.find((k) => k.slug === input.keyFactor);
	const question = keyFactor?.guideQuestions.find((q) => q.id === input.questionId);
	if (!keyFactor || !question) error(404, 'Not found');
	const d = await db();
	const plans = await editablePlans(d, actor, cityId);
	let planId: string;
	if (input.planId) {
		if (!plans.some((p) => p.id === input.planId)) error(404, 'Not found');
		planId = input.planId;
	} else if (plans.length === 1) {
		planId = plans[0]!.id;
	} else if (plans.length === 0) {
		planId = (await create(actor, cityId, { title: input.newPlanTitle })).id;
	} else {
		error(400, 'Choose the plan.');
	}
	const loaded = await loadPlan(actor, cityId, planId, 'edit');
	return loaded.d.transaction(async (tx) => {
		const created = await queries.insertAction(tx, {
			planId,
			title: question.text.length > 200 ? `${question.text.slice(0, 199)}…` : question.text,
			keyFactors: [{ benchmark: view.benchmark.slug, slug: keyFactor.slug }],
			questions: [{ questionId: question.id, text: question.text }],
			fromAssessmentId: view.id,
			createdBy: loaded.actor!.userId
		});
		await queries.touchPlan(tx, planId);
		await audit.record(tx, {
			actorUserId: loaded.actor!.userId,
			action: 'plan.action.from-report',
			entityType: 'action',
			entityId: created.id,
			cityId,
			after: created
		});
		return { planId, actionId: created.id };
	});
}
