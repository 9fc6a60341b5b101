// The people of a city: its members, inviting someone into the city with a role (by mail,
// a token kept only as its hash), withdrawing an invitation, and accepting one.
import { createHash, randomBytes } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { grantableRoles, requireAccess, type Actor, type CityRole } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import * as mail from '../mail/service.ts';
import * as accounts from '../auth/service.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';
import type { InviteInput } from './forms.ts';
import { invitationMail } from './messages.ts';

const INVITATION_DAYS = 14;

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
