import { and, asc, eq, exists, inArray, isNotNull, lte, or, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { user } from '../auth/schema.ts';
import { city, membership } from '../cities/schema.ts';
import { action, actionPlan, reminderPreference } from './schema.ts';

/**
 * Open actions due on or before `until` (so the overdue ones too) whose owner has an account,
 * still belongs to the plan's city and has not turned reminders off (no row: on).
 */
export function actionsToRemind(db: Db, until: string) {
	return db
		.select({
			userId: user.id,
			userName: user.name,
			email: user.email,
			locale: user.locale,
			actionId: action.id,
			title: action.title,
			dueOn: action.dueOn,
			planId: actionPlan.id,
			planTitle: actionPlan.title,
			cityId: city.id,
			cityName: city.name
		})
		.from(action)
		.innerJoin(actionPlan, eq(actionPlan.id, action.planId))
		.innerJoin(city, eq(city.id, actionPlan.cityId))
		.innerJoin(user, eq(user.id, action.ownerUserId))
		.leftJoin(reminderPreference, eq(reminderPreference.userId, user.id))
		.where(
			and(
				inArray(action.status, ['planned', 'in_progress']),
				isNotNull(action.dueOn),
				lte(action.dueOn, until),
				or(isNull(reminderPreference.userId), eq(reminderPreference.actionReminders, true)),
				exists(
					db
						.select({ one: sql`1` })
						.from(membership)
						.where(and(eq(membership.userId, user.id), eq(membership.cityId, actionPlan.cityId)))
				)
			)
		)
		.orderBy(asc(user.id), asc(action.dueOn), asc(actionPlan.title), asc(action.position));
}

export async function findPreference(db: Db, userId: string) {
	const [row] = await db
		.select()
		.from(reminderPreference)
		.where(eq(reminderPreference.userId, userId));
	return row;
}

export async function savePreference(db: Db, userId: string, actionReminders: boolean) {
	await db
		.insert(reminderPreference)
		.values({ userId, actionReminders })
		.onConflictDoUpdate({
			target: reminderPreference.userId,
			set: { actionReminders, updatedAt: new Date() }
		});
}
