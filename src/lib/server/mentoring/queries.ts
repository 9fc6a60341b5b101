// SQL of mentoring engagements and action plans; no rules here (see service.ts).
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { city } from '../cities/schema.ts';
import {
	action,
	actionPlan,
	engagement,
	engagementPart,
	logEntry,
	visit,
	type engagementPartKinds
} from './schema.ts';

export type Engagement = typeof engagement.$inferSelect;
export type EngagementPartKind = (typeof engagementPartKinds)[number];

/**
 * The implementing cities that these cities mentor in an active or follow-up engagement:
 * what a mentor city's people may read of them (see access canReadAssessment).
 */
export async function mentoredCityIds(d: Db, cityIds: string[]): Promise<string[]> {
	if (cityIds.length === 0) return [];
	const rows = await d
		.selectDistinct({ id: engagement.implementingCityId })
		.from(engagement)
		.where(
			and(
				inArray(engagement.mentorCityId, cityIds),
				inArray(engagement.status, ['active', 'follow_up'])
			)
		);
	return rows.map((r) => r.id);
}

export async function findEngagementById(d: Db, id: string) {
	const [row] = await d.select().from(engagement).where(eq(engagement.id, id));
	return row;
}

export async function findEngagementBySlug(d: Db, slug: string) {
	const [row] = await d.select().from(engagement).where(eq(engagement.slug, slug));
	return row;
}

export async function slugTaken(d: Db, slug: string) {
	return !!(await findEngagementBySlug(d, slug));
}

export async function insertEngagement(d: Db, row: typeof engagement.$inferInsert) {
	const [created] = await d.insert(engagement).values(row).returning();
	return created!;
}

export async function updateEngagement(
	d: Db,
	id: string,
	set: Partial<typeof engagement.$inferInsert>
) {
	const [row] = await d
		.update(engagement)
		.set({ ...set, updatedAt: new Date() })
		.where(eq(engagement.id, id))
		.returning();
	return row!;
}

/** A city's engagements, as mentor or as implementing city, newest first. */
export function listEngagementsOfCity(d: Db, cityId: string) {
	return d
		.select()
		.from(engagement)
		.where(or(eq(engagement.mentorCityId, cityId), eq(engagement.implementingCityId, cityId)))
		.orderBy(desc(engagement.createdAt));
}

/** Every engagement of the network, newest first (for network admins). */
export function listAllEngagements(d: Db) {
	return d.select().from(engagement).orderBy(desc(engagement.createdAt));
}

/** Engagements anyone may know of (accepted ones: not proposals, not declined). */
export function listPublicEngagements(d: Db) {
	return d
		.select()
		.from(engagement)
		.where(inArray(engagement.status, ['active', 'follow_up', 'closed']))
		.orderBy(desc(engagement.periodFrom), asc(engagement.title));
}

export function listParts(d: Db, engagementId: string) {
	return d.select().from(engagementPart).where(eq(engagementPart.engagementId, engagementId));
}

/**
 * Saves a part if it is still at the revision the writer loaded (a conflict otherwise):
 * the new row, or undefined when someone saved in between.
 */
export async function savePart(
	d: Db,
	engagementId: string,
	kind: EngagementPartKind,
	text: string,
	revision: number,
	userId: string
) {
	const [current] = await d
		.select()
		.from(engagementPart)
		.where(and(eq(engagementPart.engagementId, engagementId), eq(engagementPart.kind, kind)));
	if ((current?.revision ?? 0) !== revision) return undefined;
	const [row] = await d
		.insert(engagementPart)
		.values({ engagementId, kind, text, revision: revision + 1, updatedBy: userId })
		.onConflictDoUpdate({
			target: [engagementPart.engagementId, engagementPart.kind],
			set: { text, revision: revision + 1, updatedBy: userId, updatedAt: new Date() },
			setWhere: eq(engagementPart.revision, revision)
		})
		.returning();
	return row;
}

export function listVisits(d: Db, engagementId: string) {
	return d
		.select()
		.from(visit)
		.where(eq(visit.engagementId, engagementId))
		.orderBy(asc(visit.visitedOn), asc(visit.createdAt));
}

export async function insertVisit(d: Db, row: typeof visit.$inferInsert) {
	const [created] = await d.insert(visit).values(row).returning();
	return created!;
}

export async function deleteVisit(d: Db, engagementId: string, visitId: string) {
	const [row] = await d
		.delete(visit)
		.where(and(eq(visit.id, visitId), eq(visit.engagementId, engagementId)))
		.returning();
	return row;
}

export function cityNamesByIds(d: Db, ids: string[]) {
	if (ids.length === 0) return Promise.resolve([]);
	return d
		.select({ id: city.id, slug: city.slug, name: city.name, country: city.country })
		.from(city)
		.where(inArray(city.id, ids));
}

/** Parts written at once (the seed step: no revision to check). */
export async function insertParts(d: Db, rows: (typeof engagementPart.$inferInsert)[]) {
	if (rows.length === 0) return;
	await d.insert(engagementPart).values(rows).onConflictDoNothing();
}

/**
 * A plan with its actions (in order) and its results, written at once (the seed step). The
 * results name their action by its position in the plan.
 */
export async function insertPlanWithResults(
	d: Db,
	plan: typeof actionPlan.$inferInsert,
	actions: Omit<typeof action.$inferInsert, 'planId'>[],
	results: (Omit<typeof logEntry.$inferInsert, 'planId' | 'actionId'> & {
		actionPosition: number | null;
	})[]
) {
	const [created] = await d.insert(actionPlan).values(plan).returning();
	const rows =
		actions.length === 0
			? []
			: await d
					.insert(action)
					.values(actions.map((a) => ({ ...a, planId: created!.id })))
					.returning();
	const idAt = (position: number | null) => {
		if (position === null) return null;
		const found = rows.find((r) => r.position === position);
		if (!found) throw new Error(`A result names action ${position}, which the plan does not have`);
		return found.id;
	};
	if (results.length > 0) {
		// One statement gives every row the same time: a millisecond apart keeps their order.
		const base = Date.now();
		await d.insert(logEntry).values(
			results.map(({ actionPosition, ...r }, i) => ({
				...r,
				planId: created!.id,
				actionId: idAt(actionPosition),
				createdAt: new Date(base + i)
			}))
		);
	}
	return created!;
}

/** What anyone may read of a plan: its actions' titles and statuses, in order. */
export function listPlanActionsPublic(d: Db, planId: string) {
	return d
		.select({
			id: action.id,
			position: action.position,
			title: action.title,
			status: action.status
		})
		.from(action)
		.where(eq(action.planId, planId))
		.orderBy(asc(action.position));
}

/** A plan's results in the order they were written. */
export function listPlanResultsPublic(d: Db, planId: string) {
	return d
		.select({
			id: logEntry.id,
			actionId: logEntry.actionId,
			happenedOn: logEntry.happenedOn,
			when: logEntry.when,
			text: logEntry.text
		})
		.from(logEntry)
		.where(eq(logEntry.planId, planId))
		.orderBy(asc(logEntry.createdAt), asc(logEntry.id));
}
