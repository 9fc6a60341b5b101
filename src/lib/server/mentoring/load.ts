// Finding the engagement a request names. From a city's workspace the engagement must be one of
// that city's: another id answers "not found", so that no engagement shows under another city.
import { error } from '@sveltejs/kit';
import type { Db } from '../db/index.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';

/** An engagement's id, or its id with the city whose workspace it is opened from. */
export type EngagementRef = string | { id: string; cityId: string };

export function idOf(ref: EngagementRef): string {
	return typeof ref === 'string' ? ref : ref.id;
}

export async function loadEngagement(d: Db, ref: EngagementRef) {
	const id = idOf(ref);
	if (!isUuid(id)) error(404, 'Not found');
	const e = await queries.findEngagementById(d, id);
	if (!e) error(404, 'Not found');
	if (
		typeof ref !== 'string' &&
		ref.cityId !== e.mentorCityId &&
		ref.cityId !== e.implementingCityId
	) {
		error(404, 'Not found');
	}
	return e;
}

/** The cities of these engagements (both sides), to look up by id. */
export async function citiesOf(d: Db, rows: queries.Engagement[]) {
	const cities = await queries.cityNamesByIds(d, [
		...new Set(rows.flatMap((r) => [r.mentorCityId, r.implementingCityId]))
	]);
	return (id: string) => cities.find((c) => c.id === id)!;
}

/** What a list of engagements shows of each. */
export function listed(r: queries.Engagement) {
	const { id, slug, title, status, periodFrom, periodTo } = r;
	return { id, slug, title, status, periodFrom, periodTo };
}

/** Engagements as one of their cities sees them in a list: its role and the other city. */
export async function asSeenBy(d: Db, cityId: string, rows: queries.Engagement[]) {
	const cityOf = await citiesOf(d, rows);
	return rows.map((r) => ({
		...listed(r),
		role: r.mentorCityId === cityId ? ('mentor' as const) : ('implementing' as const),
		other: cityOf(r.mentorCityId === cityId ? r.implementingCityId : r.mentorCityId),
		awaitingUs: r.status === 'proposed' && r.proposedByCityId !== cityId
	}));
}
