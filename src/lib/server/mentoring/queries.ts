// SQL of mentoring engagements and action plans; no rules here (see service.ts).
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { engagement } from './schema.ts';

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
