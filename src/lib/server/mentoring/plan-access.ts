// Loading a plan for an actor, as one of its cities sees it: the plan must belong to the city
// in the address (its own, or one it mentors), and the actor must be allowed (access/), else
// 404 — so a changed id never shows another city's plan under this city's name.
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import {
	canInPlan,
	requirePlanAccess,
	type Actor,
	type PlanAction,
	type PlanScope
} from '../access/index.ts';
import { isUuid } from '../validation.ts';
import * as queries from './plan-queries.ts';

export type Engagement = NonNullable<Awaited<ReturnType<typeof queries.findPlan>>>['engagement'];

export function scopeOf(plan: queries.Plan, engagement: Engagement): PlanScope {
	return { cityId: plan.cityId, engagement };
}

/** The city in the address must be the plan's, or the mentor city of its engagement. */
export function seenFrom(plan: queries.Plan, engagement: Engagement, cityId: string | null) {
	return cityId === null || plan.cityId === cityId || engagement?.mentorCityId === cityId;
}

export async function loadPlan(
	actor: Actor | null,
	cityId: string | null,
	planId: string,
	what: PlanAction
) {
	if (!isUuid(planId) || (cityId !== null && !isUuid(cityId))) error(404, 'Not found');
	const d = await db();
	const found = await queries.findPlan(d, planId);
	if (!found) error(404, 'Not found');
	const scope = scopeOf(found.plan, found.engagement);
	// Readers who come through another city's address learn nothing either.
	if (!seenFrom(found.plan, found.engagement, cityId)) {
		if (!actor) error(401, 'Sign in to continue.');
		error(404, 'Not found');
	}
	requirePlanAccess(actor, scope, what);
	return { d, actor, plan: found.plan, engagement: found.engagement, scope };
}
export type LoadedPlan = Awaited<ReturnType<typeof loadPlan>>;

export async function loadAction(loaded: LoadedPlan, actionId: string) {
	if (!isUuid(actionId)) error(404, 'Not found');
	const a = await queries.findAction(loaded.d, loaded.plan.id, actionId);
	if (!a) error(404, 'Not found');
	return a;
}

/** The city an actor writes for in this plan: the plan's city first, then the mentor city. */
export function speakingCity(actor: Actor, loaded: Pick<LoadedPlan, 'plan' | 'engagement'>) {
	const cities = actor.memberships.filter((m) => m.role !== 'network_admin').map((m) => m.cityId);
	if (cities.includes(loaded.plan.cityId)) return loaded.plan.cityId;
	const mentor = loaded.engagement?.mentorCityId;
	if (mentor && cities.includes(mentor)) return mentor;
	return null;
}

/** What the actor may do in the plan, for the pages to show or hide their forms. */
export function mayIn(actor: Actor | null, loaded: Pick<LoadedPlan, 'plan' | 'engagement'>) {
	const scope = scopeOf(loaded.plan, loaded.engagement);
	const comment = canInPlan(actor, scope, 'comment');
	return {
		edit: canInPlan(actor, scope, 'edit'),
		comment,
		// A mentor city's comment may be a suggestion.
		suggest:
			comment &&
			!!actor &&
			!!loaded.engagement &&
			speakingCity(actor, loaded) === loaded.engagement.mentorCityId
	};
}
