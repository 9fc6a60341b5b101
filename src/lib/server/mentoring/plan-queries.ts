// SQL of action plans, their actions, comments and implementation log; no rules here (see
// plans.ts, plan-actions.ts, plan-log.ts).
import { and, asc, count, desc, eq, gt, inArray, lt, max, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { membership } from '../cities/schema.ts';
import { user } from '../auth/schema.ts';
import { action, actionComment, actionPlan, engagement, logEntry, logFile } from './schema.ts';

export type Plan = typeof actionPlan.$inferSelect;
export type Action = typeof action.$inferSelect;
export type ActionComment = typeof actionComment.$inferSelect;
export type LogEntry = typeof logEntry.$inferSelect;
export type LogFile = typeof logFile.$inferSelect;

/** A plan with its engagement (null for a city's own plan). */
export async function findPlan(d: Db, id: string) {
	const [row] = await d
		.select({ plan: actionPlan, engagement })
		.from(actionPlan)
		.leftJoin(engagement, eq(engagement.id, actionPlan.engagementId))
		.where(eq(actionPlan.id, id));
	return row;
}

export async function findPlanOfEngagement(d: Db, engagementId: string) {
	const [row] = await d.select().from(actionPlan).where(eq(actionPlan.engagementId, engagementId));
	return row;
}

/**
 * The plans a city takes part in: its own, those of engagements it implements, and those of
 * engagements it mentors; each with its engagement, newest first.
 */
export function listPlansOfCity(d: Db, cityId: string) {
	return d
		.select({ plan: actionPlan, engagement })
		.from(actionPlan)
		.leftJoin(engagement, eq(engagement.id, actionPlan.engagementId))
		.where(or(eq(actionPlan.cityId, cityId), eq(engagement.mentorCityId, cityId)))
		.orderBy(desc(actionPlan.createdAt));
}

export async function insertPlan(d: Db, row: typeof actionPlan.$inferInsert) {
	// An engagement has one plan: a second opening at the same moment finds the first.
	const [created] = await d.insert(actionPlan).values(row).onConflictDoNothing().returning();
	return created;
}

export async function touchPlan(d: Db, id: string) {
	await d.update(actionPlan).set({ updatedAt: new Date() }).where(eq(actionPlan.id, id));
}

export function listActions(d: Db, planId: string) {
	return d
		.select()
		.from(action)
		.where(eq(action.planId, planId))
		.orderBy(asc(action.position), asc(action.createdAt));
}

export async function findAction(d: Db, planId: string, actionId: string) {
	const [row] = await d
		.select()
		.from(action)
		.where(and(eq(action.id, actionId), eq(action.planId, planId)));
	return row;
}

/** A new action goes last. */
export async function insertAction(
	d: Db,
	row: Omit<typeof action.$inferInsert, 'position'>
): Promise<Action> {
	const [last] = await d
		.select({ position: max(action.position) })
		.from(action)
		.where(eq(action.planId, row.planId));
	const [created] = await d
		.insert(action)
		.values({ ...row, position: (last?.position ?? 0) + 1 })
		.returning();
	return created!;
}

/**
 * Saves an action if it is still at the revision the writer loaded: the new row, or
 * undefined when someone saved in between.
 */
export async function updateAction(
	d: Db,
	planId: string,
	actionId: string,
	revision: number,
	set: Partial<typeof action.$inferInsert>
) {
	const [row] = await d
		.update(action)
		.set({ ...set, revision: revision + 1, updatedAt: new Date() })
		.where(and(eq(action.id, actionId), eq(action.planId, planId), eq(action.revision, revision)))
		.returning();
	return row;
}

/** The action next to this one, before (up) or after (down) it in the plan. */
export async function neighbour(d: Db, a: Action, direction: 'up' | 'down') {
	const [row] = await d
		.select()
		.from(action)
		.where(
			and(
				eq(action.planId, a.planId),
				direction === 'up' ? lt(action.position, a.position) : gt(action.position, a.position)
			)
		)
		.orderBy(direction === 'up' ? desc(action.position) : asc(action.position))
		.limit(1);
	return row;
}

export async function setPosition(d: Db, actionId: string, position: number) {
	await d.update(action).set({ position }).where(eq(action.id, actionId));
}

export function listComments(d: Db, actionId: string) {
	return d
		.select()
		.from(actionComment)
		.where(eq(actionComment.actionId, actionId))
		.orderBy(asc(actionComment.createdAt));
}

export async function insertComment(d: Db, row: typeof actionComment.$inferInsert) {
	const [created] = await d.insert(actionComment).values(row).returning();
	return created!;
}

/** How many comments each action of a plan has. */
export async function commentCounts(d: Db, planId: string) {
	const rows = await d
		.select({ actionId: actionComment.actionId, n: count() })
		.from(actionComment)
		.innerJoin(action, eq(action.id, actionComment.actionId))
		.where(eq(action.planId, planId))
		.groupBy(actionComment.actionId);
	return new Map(rows.map((r) => [r.actionId, Number(r.n)]));
}

/** A plan's log (or one action's), latest first; entries without a day after dated ones. */
export function listLog(d: Db, planId: string, actionId?: string) {
	return d
		.select()
		.from(logEntry)
		.where(
			and(
				eq(logEntry.planId, planId),
				actionId === undefined ? undefined : eq(logEntry.actionId, actionId)
			)
		)
		.orderBy(sql`${logEntry.happenedOn} desc nulls last`, desc(logEntry.createdAt));
}

export async function insertLogEntry(d: Db, row: typeof logEntry.$inferInsert) {
	const [created] = await d.insert(logEntry).values(row).returning();
	return created!;
}

export function listLogFiles(d: Db, entryIds: string[]) {
	if (entryIds.length === 0) return Promise.resolve([]);
	return d
		.select()
		.from(logFile)
		.where(inArray(logFile.entryId, entryIds))
		.orderBy(asc(logFile.createdAt));
}

export async function insertLogFile(d: Db, row: typeof logFile.$inferInsert) {
	const [created] = await d.insert(logFile).values(row).returning();
	return created!;
}

/** A file of one of this plan's log entries. */
export async function findLogFile(d: Db, planId: string, fileId: string) {
	const [row] = await d
		.select({ file: logFile })
		.from(logFile)
		.innerJoin(logEntry, eq(logEntry.id, logFile.entryId))
		.where(and(eq(logFile.id, fileId), eq(logEntry.planId, planId)));
	return row?.file;
}

/** The people of a city with an account who may own an action (not stakeholders). */
export function listOwnerChoices(d: Db, cityId: string) {
	return d
		.select({ userId: user.id, name: user.name })
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(
			and(
				eq(membership.cityId, cityId),
				inArray(membership.role, ['city_coordinator', 'city_contributor'])
			)
		)
		.orderBy(asc(user.name));
}

export function userNames(d: Db, ids: string[]) {
	if (ids.length === 0) return Promise.resolve([]);
	return d.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ids));
}
