// ImpleMentoring engagements (seed 000: Tampere mentoring Lublin): a network admin sets one up,
// or a city proposes it and the other city accepts or declines; then active, in follow-up,
// closed. Both cities write its parts (needs, strengths, ambition, plan, obstacles,
// inspiration, follow-up) and its visits. Every function asks access/ first; every change is
// audited in the same transaction.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import {
	canInEngagement,
	requireAccess,
	requireEngagementAccess,
	type Actor,
	type EngagementStatus
} from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { slugify } from '../cities/service.ts';
import { isUuid } from '../validation.ts';
import { engagementPartKinds } from './schema.ts';
import * as queries from './queries.ts';
import { asSeenBy, loadEngagement as load, type EngagementRef } from './load.ts';

export type { EngagementRef } from './load.ts';
export * from './public.ts';
export * from './workspace.ts';

export interface EngagementInput {
	themeSlug: string;
	title: string;
	summary: string;
	periodFrom: string | null;
	periodTo: string | null;
}

async function freeSlug(d: Db, title: string) {
	const base = slugify(title) || 'engagement';
	let slug = base;
	for (let n = 2; await queries.slugTaken(d, slug); n++) slug = `${base}-${n}`;
	return slug;
}

async function citiesExist(d: Db, ids: string[]) {
	const found = await queries.cityNamesByIds(d, ids);
	if (found.length !== new Set(ids).size) error(404, 'Not found');
}

/** A network admin sets up an engagement between a mentor city and an implementing city. */
export async function setUp(
	actor: Actor | null,
	input: EngagementInput & { mentorCityId: string; implementingCityId: string }
) {
	requireAccess(actor, 'engagement.setup');
	const d = await db();
	await citiesExist(d, [input.mentorCityId, input.implementingCityId]);
	return d.transaction(async (tx) => {
		const e = await queries.insertEngagement(tx, {
			...input,
			slug: await freeSlug(tx, input.title),
			status: 'active',
			proposedByCityId: null,
			createdBy: actor.userId
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'engagement.setup',
			entityType: 'engagement',
			entityId: e.id,
			after: e
		});
		return e;
	});
}

/** A city's coordinator proposes an engagement to another city, as its mentor or mentee. */
export async function propose(
	actor: Actor | null,
	cityId: string,
	input: EngagementInput & { otherCityId: string; as: 'mentor' | 'implementing' }
) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'engagement.propose', { cityId });
	const d = await db();
	if (input.otherCityId === cityId) error(400, 'An engagement is between two cities.');
	await citiesExist(d, [input.otherCityId]);
	const { otherCityId, as, ...fields } = input;
	return d.transaction(async (tx) => {
		const e = await queries.insertEngagement(tx, {
			...fields,
			slug: await freeSlug(tx, input.title),
			mentorCityId: as === 'mentor' ? cityId : otherCityId,
			implementingCityId: as === 'mentor' ? otherCityId : cityId,
			status: 'proposed',
			proposedByCityId: cityId,
			createdBy: actor.userId
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'engagement.propose',
			entityType: 'engagement',
			entityId: e.id,
			cityId,
			after: e
		});
		return e;
	});
}

/** The city that did not propose accepts (the engagement becomes active) or declines it. */
export async function respond(
	actor: Actor | null,
	ref: EngagementRef,
	answer: { accept: true } | { accept: false; reason: string }
) {
	const d = await db();
	const e = await load(d, ref);
	const id = e.id;
	requireEngagementAccess(actor, e, 'respond');
	return d.transaction(async (tx) => {
		const after = await queries.updateEngagement(
			tx,
			id,
			answer.accept ? { status: 'active' } : { status: 'declined', declineReason: answer.reason }
		);
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: answer.accept ? 'engagement.accept' : 'engagement.decline',
			entityType: 'engagement',
			entityId: id,
			before: e,
			after
		});
		return after;
	});
}

/** Where an accepted engagement may go next: forward, or back one step. */
const moves: Partial<Record<EngagementStatus, EngagementStatus[]>> = {
	active: ['follow_up', 'closed'],
	follow_up: ['active', 'closed'],
	closed: ['follow_up']
};

export function nextStatuses(status: EngagementStatus): EngagementStatus[] {
	return moves[status] ?? [];
}

export async function setStatus(actor: Actor | null, ref: EngagementRef, status: EngagementStatus) {
	const d = await db();
	const e = await load(d, ref);
	const id = e.id;
	requireEngagementAccess(actor, e, 'set-status');
	if (!nextStatuses(e.status).includes(status)) error(400, 'That step is not possible from here.');
	return d.transaction(async (tx) => {
		const after = await queries.updateEngagement(tx, id, { status });
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'engagement.status',
			entityType: 'engagement',
			entityId: id,
			before: { status: e.status },
			after: { status }
		});
		return after;
	});
}

/** An engagement as its two cities (and network admins) see it, with what each may do. */
export async function get(actor: Actor | null, ref: EngagementRef) {
	const d = await db();
	const e = await load(d, ref);
	const id = e.id;
	requireEngagementAccess(actor, e, 'read');
	const [parts, visits, cities] = await Promise.all([
		queries.listParts(d, id),
		queries.listVisits(d, id),
		queries.cityNamesByIds(d, [e.mentorCityId, e.implementingCityId])
	]);
	const cityOf = (cityId: string) => cities.find((c) => c.id === cityId)!;
	return {
		...e,
		mentor: cityOf(e.mentorCityId),
		implementing: cityOf(e.implementingCityId),
		parts: engagementPartKinds.map((kind) => {
			const p = parts.find((x) => x.kind === kind);
			return {
				kind,
				text: p?.text ?? '',
				revision: p?.revision ?? 0,
				updatedAt: p?.updatedAt ?? null
			};
		}),
		visits,
		may: {
			respond: canInEngagement(actor, e, 'respond'),
			edit: canInEngagement(actor, e, 'edit'),
			setStatus: canInEngagement(actor, e, 'set-status'),
			editPlan: canInEngagement(actor, e, 'plan.edit'),
			comment: canInEngagement(actor, e, 'plan.comment')
		},
		nextStatuses: canInEngagement(actor, e, 'set-status') ? nextStatuses(e.status) : [],
		/** The role of the workspace's city in it (none when opened by its id alone). */
		cityRole:
			typeof ref === 'string'
				? null
				: ref.cityId === e.mentorCityId
					? ('mentor' as const)
					: ('implementing' as const),
		/** Whether the reader is one of its mentors: a person of the mentor city, once accepted. */
		youMentor:
			(e.status === 'active' || e.status === 'follow_up' || e.status === 'closed') &&
			actor.memberships.some((m) => m.cityId === e.mentorCityId && m.role !== 'stakeholder')
	};
}

/** A city's engagements (mentoring or mentored), for its workspace. */
export async function listOfCity(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'engagement.read', { cityId });
	const d = await db();
	return asSeenBy(d, cityId, await queries.listEngagementsOfCity(d, cityId));
}

export type SaveOutcome =
	{ ok: true; revision: number } | { ok: false; conflict: { text: string; revision: number } };

/** Saves a part; a save over a newer revision is refused with what is there now. */
export async function savePart(
	actor: Actor | null,
	ref: EngagementRef,
	part: { kind: (typeof engagementPartKinds)[number]; text: string; revision: number }
): Promise<SaveOutcome> {
	const d = await db();
	const e = await load(d, ref);
	const id = e.id;
	requireEngagementAccess(actor, e, 'edit');
	return d.transaction(async (tx) => {
		const saved = await queries.savePart(tx, id, part.kind, part.text, part.revision, actor.userId);
		if (!saved) {
			const now = (await queries.listParts(tx, id)).find((p) => p.kind === part.kind);
			return { ok: false, conflict: { text: now?.text ?? '', revision: now?.revision ?? 0 } };
		}
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'engagement.part',
			entityType: 'engagement',
			entityId: id,
			after: { kind: part.kind, revision: saved.revision }
		});
		return { ok: true, revision: saved.revision };
	});
}

export async function addVisit(
	actor: Actor | null,
	ref: EngagementRef,
	input: { visitedOn: string | null; place: string; visitors: string; met: string; topics: string }
) {
	const d = await db();
	const e = await load(d, ref);
	const id = e.id;
	requireEngagementAccess(actor, e, 'edit');
	return d.transaction(async (tx) => {
		const v = await queries.insertVisit(tx, {
			...input,
			engagementId: id,
			createdBy: actor.userId
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'engagement.visit.add',
			entityType: 'visit',
			entityId: v.id,
			after: v
		});
		return v;
	});
}

export async function removeVisit(actor: Actor | null, ref: EngagementRef, visitId: string) {
	const d = await db();
	const e = await load(d, ref);
	const id = e.id;
	requireEngagementAccess(actor, e, 'edit');
	if (!isUuid(visitId)) error(404, 'Not found');
	return d.transaction(async (tx) => {
		const removed = await queries.deleteVisit(tx, id, visitId);
		if (!removed) error(404, 'Not found');
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'engagement.visit.remove',
			entityType: 'visit',
			entityId: visitId,
			before: removed
		});
	});
}
