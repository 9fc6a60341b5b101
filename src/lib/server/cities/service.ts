// Cities of the network and the people in them: creating cities, inviting people into a
// city with a role, accepting an invitation.
import { createHash, randomBytes } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import {
	can,
	grantableRoles,
	isNetworkAdmin,
	requireAccess,
	requireSignedIn,
	type Actor,
	type CityRole
} from '../access/index.ts';
import * as audit from '../audit/service.ts';
import * as mail from '../mail/service.ts';
import * as accounts from '../auth/service.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';
import type { CityInput, FactInput, InviteInput } from './forms.ts';
import { cityFigures } from './schema.ts';
import { likeness, type Likeness } from './similar.ts';
import { invitationMail } from './messages.ts';

const INVITATION_DAYS = 14;

export function slugify(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
}

export async function list(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	return queries.listCities(await db());
}

export async function bySlug(actor: Actor | null, slug: string) {
	requireAccess(actor, 'content.read');
	return queries.findCityBySlug(await db(), slug);
}

export async function network(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	return queries.findNetwork(await db());
}

/** A city's private workspace; another city's id answers 404 as if it did not exist. */
export async function workspace(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'city.workspace.read', { cityId });
	const c = await queries.findCityById(await db(), cityId);
	if (!c) error(404, 'Not found');
	return c;
}

/**
 * The cities whose workspace the actor may open, by name, with their role in each (null
 * where they hold none): the cities they belong to; for a network admin, every city of the
 * network (`everyCity`). Someone without a city gets an empty list.
 */
export async function workspaces(actor: Actor | null) {
	requireSignedIn(actor);
	const everyCity = isNetworkAdmin(actor);
	const rows = await queries.listCitiesWithRole(await db(), actor.userId, everyCity);
	return {
		everyCity,
		cities: rows.filter((c) => can(actor, 'city.workspace.read', { cityId: c.id }))
	};
}

export async function create(actor: Actor | null, input: CityInput) {
	requireAccess(actor, 'city.create');
	const d = await db();
	const net = await queries.findNetwork(d);
	if (!net) error(500, 'The network has not been seeded.');
	const base = slugify(input.name) || 'city';
	let slug = base;
	for (let n = 2; await queries.findCityBySlug(d, slug); n++) slug = `${base}-${n}`;
	return d.transaction(async (tx) => {
		const c = await queries.insertCity(tx, { ...input, slug, networkId: net.id });
		// A population given here is the city's first recorded value (no year, no source yet).
		if (input.population !== null) {
			await queries.insertFact(tx, {
				cityId: c.id,
				figure: 'population',
				value: input.population,
				year: null,
				source: '',
				recordedBy: actor.userId
			});
		}
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'city.create',
			entityType: 'city',
			entityId: c.id,
			cityId: c.id,
			after: c
		});
		return c;
	});
}

export async function members(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'city.members.read', { cityId });
	const d = await db();
	const [people, pending] = await Promise.all([
		queries.listMembers(d, cityId),
		queries.listPendingInvitations(d, cityId)
	]);
	return {
		people,
		pending: pending.map((i) => ({
			id: i.id,
			email: i.email,
			name: i.name,
			role: i.role,
			organisation: i.organisation,
			expiresAt: i.expiresAt
		}))
	};
}

export function rolesGrantable(actor: Actor | null, cityId: string): CityRole[] {
	return grantableRoles(actor, cityId);
}

function hashToken(token: string) {
	return createHash('sha256').update(token).digest('hex');
}

export type InviteOutcome =
	{ ok: true; invitationId: string } | { ok: false; field: string; error: string };

/** Invites a person into a city with a role; the mail carries a one-time link. */
export async function invite(
	actor: Actor | null,
	cityId: string,
	input: InviteInput,
	origin: string
): Promise<InviteOutcome> {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'city.members.invite', { cityId });
	if (!grantableRoles(actor, cityId).includes(input.role)) {
		return { ok: false, field: 'role', error: 'error_role_not_allowed' };
	}
	const d = await db();
	const c = await queries.findCityById(d, cityId);
	if (!c) error(404, 'Not found');
	const existing = await accounts.findUserByEmail(input.email);
	if (existing && (await queries.findMembership(d, existing.id, cityId))) {
		return { ok: false, field: 'email', error: 'error_already_member' };
	}
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000);
	const inv = await d.transaction(async (tx) => {
		const row = await queries.insertInvitation(tx, {
			tokenHash: hashToken(token),
			email: input.email,
			name: input.name,
			cityId,
			role: input.role,
			organisation: input.organisation || null,
			invitedBy: actor.userId,
			expiresAt
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'invitation.create',
			entityType: 'invitation',
			entityId: row.id,
			cityId,
			after: { email: row.email, role: row.role, organisation: row.organisation }
		});
		return row;
	});
	await mail.send({
		to: input.email,
		...invitationMail({
			name: input.name,
			inviter: actor.name,
			city: c.name,
			role: input.role,
			link: `${origin}/invitations/${token}`,
			days: INVITATION_DAYS
		})
	});
	return { ok: true, invitationId: inv.id };
}

export async function revokeInvitation(actor: Actor | null, cityId: string, invitationId: string) {
	if (!isUuid(cityId) || !isUuid(invitationId)) error(404, 'Not found');
	requireAccess(actor, 'city.members.invite', { cityId });
	const d = await db();
	const inv = await queries.findInvitation(d, invitationId, cityId);
	if (!inv || inv.acceptedAt || inv.revokedAt) error(404, 'Not found');
	await d.transaction(async (tx) => {
		const after = await queries.markInvitation(tx, inv.id, { revokedAt: new Date() });
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'invitation.revoke',
			entityType: 'invitation',
			entityId: inv.id,
			cityId,
			before: { revokedAt: null },
			after: { revokedAt: after.revokedAt }
		});
	});
}

export type InvitationView = {
	status: 'open' | 'expired' | 'used';
	email: string;
	name: string;
	role: CityRole;
	cityName: string;
	hasAccount: boolean;
};

/** What the invitation link shows; the token is the credential, so no actor is needed. */
export async function invitationByToken(token: string): Promise<InvitationView | undefined> {
	if (!token || token.length > 200) return undefined;
	const d = await db();
	const inv = await queries.findInvitationByTokenHash(d, hashToken(token));
	if (!inv || !inv.cityId) return undefined;
	const c = await queries.findCityById(d, inv.cityId);
	if (!c) return undefined;
	const status =
		inv.acceptedAt || inv.revokedAt ? 'used' : inv.expiresAt < new Date() ? 'expired' : 'open';
	return {
		status,
		email: inv.email,
		name: inv.name,
		role: inv.role as CityRole,
		cityName: c.name,
		hasAccount: !!(await accounts.findUserByEmail(inv.email))
	};
}

async function join(token: string, userId: string) {
	const d = await db();
	const inv = await queries.findInvitationByTokenHash(d, hashToken(token));
	if (!inv || !inv.cityId || inv.acceptedAt || inv.revokedAt || inv.expiresAt < new Date()) {
		return undefined;
	}
	const cityId = inv.cityId;
	await d.transaction(async (tx) => {
		const existing = await queries.findMembership(tx, userId, cityId);
		const after = existing
			? await queries.updateMembershipRole(tx, existing.id, {
					role: inv.role,
					organisation: inv.organisation
				})
			: await queries.insertMembership(tx, {
					userId,
					cityId,
					role: inv.role,
					organisation: inv.organisation
				});
		await queries.markInvitation(tx, inv.id, { acceptedAt: new Date() });
		await audit.record(tx, {
			actorUserId: userId,
			action: 'invitation.accept',
			entityType: 'membership',
			entityId: after.id,
			cityId,
			before: existing ?? null,
			after
		});
	});
	return inv;
}

/** A new person accepts: their account is created with the invited email, already verified. */
export async function acceptAsNewUser(token: string, input: { name: string; password: string }) {
	const view = await invitationByToken(token);
	if (!view || view.status !== 'open') return { ok: false as const, reason: 'invalid' as const };
	if (view.hasAccount) return { ok: false as const, reason: 'has-account' as const };
	const created = await accounts.createVerifiedUser({ email: view.email, ...input });
	const inv = await join(token, created.id);
	if (!inv) return { ok: false as const, reason: 'invalid' as const };
	return { ok: true as const, email: view.email };
}

/** A person who already has an account accepts while signed in with the invited email. */
export async function acceptAsActor(actor: Actor | null, token: string) {
	if (!actor) error(401, 'Sign in to continue.');
	const view = await invitationByToken(token);
	if (!view || view.status !== 'open') return { ok: false as const, reason: 'invalid' as const };
	if (view.email !== actor.email.toLowerCase()) {
		return { ok: false as const, reason: 'wrong-account' as const };
	}
	const inv = await join(token, actor.userId);
	return inv ? { ok: true as const } : { ok: false as const, reason: 'invalid' as const };
}

export async function myCities(actor: Actor | null) {
	if (!actor) return [];
	return queries.listMembershipsOfUser(await db(), actor.userId);
}

export type CityFigure = queries.CityFigure;
export type FactRow = Awaited<ReturnType<typeof queries.listFacts>>[number];

export interface CityFacts {
	/** The current value of each figure, or null where none was ever recorded. */
	current: Record<CityFigure, FactRow | null>;
	/** Every value recorded, per figure the current one first (latest year, then latest). */
	history: FactRow[];
}

function factsOf(rows: FactRow[]): CityFacts {
	const current = Object.fromEntries(
		cityFigures.map((f) => [f, rows.find((r) => r.figure === f) ?? null])
	) as Record<CityFigure, FactRow | null>;
	return { current, history: rows };
}

/** A city's figures with their years and sources: public, like the city itself. */
export async function facts(actor: Actor | null, cityId: string): Promise<CityFacts> {
	requireAccess(actor, 'content.read');
	if (!isUuid(cityId)) error(404, 'Not found');
	return factsOf(await queries.listFacts(await db(), cityId));
}

/**
 * Records a new value of one of the city's figures. Older values stay as its history; the
 * city row keeps the current one (the latest by year, then by when it was recorded).
 */
export async function recordFact(actor: Actor | null, cityId: string, input: FactInput) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'city.facts.update', { cityId });
	const d = await db();
	const c = await queries.findCityById(d, cityId);
	if (!c) error(404, 'Not found');
	return d.transaction(async (tx) => {
		const fact = await queries.insertFact(tx, {
			cityId,
			figure: input.figure,
			value: input.value,
			year: input.year,
			source: input.source,
			recordedBy: actor.userId
		});
		const now = factsOf(await queries.listFacts(tx, cityId)).current[input.figure]!;
		const before = {
			population: c.population,
			populationYear: c.populationYear,
			migrantBackgroundShare: c.migrantBackgroundShare,
			foreignNationalsShare: c.foreignNationalsShare
		};
		const set =
			input.figure === 'population'
				? { population: Math.round(now.value), populationYear: now.year }
				: input.figure === 'migrant_background_share'
					? { migrantBackgroundShare: now.value }
					: { foreignNationalsShare: now.value };
		const changed = Object.entries(set).some(
			([k, value]) => before[k as keyof typeof before] !== value
		);
		if (changed) await queries.updateCurrentFigures(tx, cityId, set);
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'city.fact.record',
			entityType: 'city_fact',
			entityId: fact.id,
			cityId,
			before,
			after: {
				fact: {
					figure: fact.figure,
					value: fact.value,
					year: fact.year,
					source: fact.source
				},
				current: { ...before, ...set }
			}
		});
		return fact;
	});
}

export interface SimilarCity {
	slug: string;
	name: string;
	country: string;
	likeness: Likeness;
}

/**
 * Up to `limit` cities most like this one by the one definition (src/lib/server/cities/
 * similar.ts): same population band, same migrant-share band, same country. Cities alike in
 * nothing are left out; ties go by name.
 */
export async function similarTo(
	actor: Actor | null,
	cityId: string,
	limit = 5
): Promise<SimilarCity[]> {
	requireAccess(actor, 'content.read');
	const all = await queries.listCityTraits(await db());
	const self = all.find((c) => c.id === cityId);
	if (!self) return [];
	return all
		.filter((c) => c.id !== cityId)
		.map((c) => ({ slug: c.slug, name: c.name, country: c.country, likeness: likeness(self, c) }))
		.filter((c) => c.likeness.score > 0)
		.sort((a, b) => b.likeness.score - a.likeness.score || a.name.localeCompare(b.name))
		.slice(0, limit);
}
