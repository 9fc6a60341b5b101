// What anyone may read of mentoring: an accepted engagement's summary with its plan's actions
// and dated results (never comments), and the engagements on a city's public page.
import { db, type Db } from '../db/index.ts';
import { can, canInEngagement, requireAccess, type Actor } from '../access/index.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';
import * as planQueries from './plan-queries.ts';
import { asSeenBy } from './load.ts';

/** The plan's actions (title and status) and its results with their dates, or null. */
async function publicPlan(d: Db, engagementId: string) {
	const plan = await planQueries.findPlanOfEngagement(d, engagementId);
	if (!plan) return null;
	const [actions, results] = await Promise.all([
		queries.listPlanActionsPublic(d, plan.id),
		queries.listPlanResultsPublic(d, plan.id)
	]);
	return {
		actions: actions.map(({ position, title, status }) => ({ position, title, status })),
		results: results.map((r) => ({
			id: r.id,
			text: r.text,
			happenedOn: r.happenedOn,
			when: r.when,
			action: actions.find((a) => a.id === r.actionId)?.position ?? null
		}))
	};
}

/**
 * What anyone may read of an engagement: its cities, theme, period, status and summary, its
 * plan's actions and results, once accepted (a proposal or a declined one is the cities'
 * business). Undefined otherwise.
 */
export async function publicSummary(actor: Actor | null, slug: string) {
	requireAccess(actor, 'content.read');
	if (!slug || slug.length > 200) return undefined;
	const d = await db();
	const e = await queries.findEngagementBySlug(d, slug);
	if (!e || e.status === 'proposed' || e.status === 'declined') return undefined;
	const [cities, plan] = await Promise.all([
		queries.cityNamesByIds(d, [e.mentorCityId, e.implementingCityId]),
		publicPlan(d, e.id)
	]);
	const cityOf = (id: string) => cities.find((c) => c.id === id)!;
	return {
		slug: e.slug,
		title: e.title,
		summary: e.summary,
		themeSlug: e.themeSlug,
		periodFrom: e.periodFrom,
		periodTo: e.periodTo,
		status: e.status,
		mentor: cityOf(e.mentorCityId),
		implementing: cityOf(e.implementingCityId),
		plan,
		// Those who may open the engagement itself get a link to it.
		workspaceId: canInEngagement(actor, e, 'read') ? e.id : null
	};
}

/** Whether the actor may set up engagements (a network admin). */
export function maySetUp(actor: Actor | null) {
	return can(actor, 'engagement.setup');
}

/** A city's accepted engagements (mentoring or mentored), for its public page. */
export async function publicOfCity(actor: Actor | null, cityId: string) {
	requireAccess(actor, 'content.read');
	if (!isUuid(cityId)) return [];
	const d = await db();
	const rows = (await queries.listEngagementsOfCity(d, cityId)).filter(
		(r) => r.status !== 'proposed' && r.status !== 'declined'
	);
	// What anyone may read: no ids into the workspace.
	return (await asSeenBy(d, cityId, rows)).map(({ id: _id, awaitingUs: _a, ...e }) => e);
}
