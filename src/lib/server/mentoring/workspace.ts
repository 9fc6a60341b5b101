// What the engagement pages need beside the engagement itself: the cities and themes to choose
// from when proposing or setting one up, every engagement for network admins, and for mentors
// the implementing city's shared self-assessments (never its private ones or its drafts).
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import {
	canReadAssessment,
	requireAccess,
	requireEngagementAccess,
	type Actor
} from '../access/index.ts';
import * as cityQueries from '../cities/queries.ts';
import * as benchmarkQueries from '../benchmarks/queries.ts';
import * as assessmentQueries from '../assessments/queries.ts';
import { report } from '../assessments/report.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';
import { citiesOf, listed, loadEngagement, type EngagementRef } from './load.ts';

async function choices(exceptCityId?: string) {
	const d = await db();
	const [cities, themes] = await Promise.all([
		cityQueries.listCities(d),
		benchmarkQueries.listThemes(d)
	]);
	return {
		cities: cities
			.filter((c) => c.id !== exceptCityId)
			.map((c) => ({ id: c.id, name: c.name, country: c.country }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		themes: themes.map((t) => ({ slug: t.slug, title: t.title }))
	};
}

/** The other cities and the toolkit themes a city's coordinator proposes an engagement with. */
export async function proposeChoices(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'engagement.propose', { cityId });
	return choices(cityId);
}

/** The cities and themes a network admin sets an engagement up with. */
export async function setUpChoices(actor: Actor | null) {
	requireAccess(actor, 'engagement.setup');
	return choices();
}

/** Every engagement of the network, with both cities' names (network admins). */
export async function listAll(actor: Actor | null) {
	requireAccess(actor, 'engagement.setup');
	const d = await db();
	const rows = await queries.listAllEngagements(d);
	const cityOf = await citiesOf(d, rows);
	return rows.map((r) => ({
		...listed(r),
		mentor: cityOf(r.mentorCityId),
		implementing: cityOf(r.implementingCityId)
	}));
}

/** Whether the actor belongs to the engagement's mentor city (as coordinator or contributor). */
function mentorCityPerson(actor: Actor, mentorCityId: string) {
	return actor.memberships.some((m) => m.cityId === mentorCityId && m.role !== 'stakeholder');
}

const shared = (a: { status: string; visibility: string }) =>
	a.status === 'submitted' && a.visibility !== 'private';

/**
 * The implementing city's self-assessments its mentors may read: submitted and shared with the
 * network (or published). Empty for anyone but the mentor city's people.
 */
export async function sharedAssessments(actor: Actor | null, ref: EngagementRef) {
	const d = await db();
	const e = await loadEngagement(d, ref);
	requireEngagementAccess(actor, e, 'read');
	if (!mentorCityPerson(actor, e.mentorCityId)) return [];
	const cityId = e.implementingCityId;
	const rows = await assessmentQueries.listOfCity(d, cityId);
	return rows
		.filter(
			(a) =>
				shared(a) &&
				canReadAssessment(actor, {
					cityId,
					visibility: a.visibility,
					status: a.status
				})
		)
		.map((a) => ({
			id: a.id,
			cycle: a.cycle,
			benchmarkTitle: a.benchmarkTitle,
			submittedAt: a.submittedAt
		}));
}

/** One shared assessment of the implementing city, as its mentors read it. */
export async function sharedReport(actor: Actor | null, ref: EngagementRef, assessmentId: string) {
	const d = await db();
	const e = await loadEngagement(d, ref);
	requireEngagementAccess(actor, e, 'read');
	if (!isUuid(assessmentId)) error(404, 'Not found');
	const r = await report(actor, assessmentId);
	if (r.city?.id !== e.implementingCityId || !shared(r.assessment)) error(404, 'Not found');
	return { report: r, engagement: { id: e.id, title: e.title } };
}
