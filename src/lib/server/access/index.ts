// The one place that decides who may do what. Every service function asks it first.
// Roles map to permissions; city roles hold them only within their own city, and a
// denial on another city's resource reads as "not found", so ids reveal nothing.
import { error } from '@sveltejs/kit';

export const roles = [
	'network_admin',
	'city_coordinator',
	'city_contributor',
	'stakeholder'
] as const;
export type Role = (typeof roles)[number];
export const cityRoles = ['city_coordinator', 'city_contributor', 'stakeholder'] as const;
export type CityRole = (typeof cityRoles)[number];

export interface Membership {
	cityId: string | null;
	role: Role;
}

export interface Actor {
	userId: string;
	name: string;
	email: string;
	emailVerified: boolean;
	memberships: Membership[];
}

export const permissions = [
	'content.read',
	'city.create',
	'city.workspace.read',
	'city.members.read',
	'city.members.invite',
	'city.coordinator.appoint',
	'city.facts.update',
	'outbox.read',
	'audit.read',
	'assessment.read',
	'assessment.answer',
	'assessment.manage',
	'practice.draft',
	'practice.submit',
	'practice.review'
] as const;
export type Permission = (typeof permissions)[number];

/** Permissions that belong to a city: a city role grants them for that city only. */
const cityScoped: ReadonlySet<Permission> = new Set([
	'city.workspace.read',
	'city.members.read',
	'city.members.invite',
	'city.coordinator.appoint',
	'city.facts.update',
	'assessment.read',
	'assessment.answer',
	'assessment.manage',
	'practice.draft',
	'practice.submit'
]);

/**
 * A city's own work, which the network admin does not see or do by virtue of the role: an
 * assessment is private to its city until the city shares it (see canReadAssessment).
 */
const cityOnly: ReadonlySet<Permission> = new Set([
	'assessment.read',
	'assessment.answer',
	'assessment.manage',
	'practice.draft',
	'practice.submit'
]);

const grants: Record<Role, ReadonlySet<Permission>> = {
	network_admin: new Set(permissions.filter((p) => !cityOnly.has(p))),
	city_coordinator: new Set([
		'content.read',
		'city.workspace.read',
		'city.members.read',
		'city.members.invite',
		'city.facts.update',
		'assessment.read',
		'assessment.answer',
		'assessment.manage',
		'practice.draft',
		'practice.submit'
	]),
	city_contributor: new Set([
		'content.read',
		'city.workspace.read',
		'city.members.read',
		'assessment.read',
		'assessment.answer',
		'practice.draft'
	]),
	stakeholder: new Set(['content.read', 'city.workspace.read'])
};

const everyone: ReadonlySet<Permission> = new Set(['content.read']);

export interface Scope {
	cityId?: string;
}

export function isNetworkAdmin(actor: Actor | null): boolean {
	return !!actor?.memberships.some((m) => m.role === 'network_admin');
}

export function can(actor: Actor | null, permission: Permission, scope: Scope = {}): boolean {
	if (everyone.has(permission)) return true;
	if (!actor) return false;
	return actor.memberships.some((m) => {
		if (!grants[m.role].has(permission)) return false;
		if (m.role === 'network_admin') return true;
		if (!cityScoped.has(permission)) return true;
		return scope.cityId !== undefined && m.cityId === scope.cityId;
	});
}

/**
 * Throws the HTTP error a route should answer with: 401 without a session, 404 for a city
 * the actor does not belong to (never "forbidden", which would confirm the id exists),
 * 403 for a network-wide permission the actor lacks.
 */
export function requireAccess(
	actor: Actor | null,
	permission: Permission,
	scope: Scope = {}
): asserts actor is Actor {
	if (can(actor, permission, scope)) return;
	if (!actor) error(401, 'Sign in to continue.');
	if (cityScoped.has(permission) && scope.cityId !== undefined) error(404, 'Not found');
	error(403, 'You do not have access to this.');
}

/**
 * Throws 401 without a session: for what any signed-in person may see of their own (which
 * cities' workspaces they may open), where no permission applies.
 */
export function requireSignedIn(actor: Actor | null): asserts actor is Actor {
	if (!actor) error(401, 'Sign in to continue.');
}

/** The roles this actor may give to people invited into the city. */
export function grantableRoles(actor: Actor | null, cityId: string): CityRole[] {
	if (!can(actor, 'city.members.invite', { cityId })) return [];
	if (can(actor, 'city.coordinator.appoint', { cityId })) return [...cityRoles];
	return ['city_contributor', 'stakeholder'];
}

/** The cities in which the actor holds a role (network admins: none in particular). */
export function citiesOf(actor: Actor | null): string[] {
	return (actor?.memberships ?? []).flatMap((m) => (m.cityId ? [m.cityId] : []));
}

export interface AssessmentScope {
	cityId: string;
	visibility: 'private' | 'network' | 'public';
	status: 'in_progress' | 'submitted';
}

/**
 * Who may read an assessment: its city's coordinator and contributors always; network admins
 * once the city shared it with the network (or published it); everyone once it is published.
 */
export function canReadAssessment(actor: Actor | null, a: AssessmentScope): boolean {
	if (a.visibility === 'public' && a.status === 'submitted') return true;
	if (can(actor, 'assessment.read', { cityId: a.cityId })) return true;
	return a.visibility !== 'private' && isNetworkAdmin(actor);
}

/** As requireAccess, for one assessment: 401 without a session, else 404 (never 403). */
export function requireAssessmentAccess(
	actor: Actor | null,
	a: AssessmentScope,
	permission: 'assessment.read' | 'assessment.answer' | 'assessment.manage'
): void {
	const allowed =
		permission === 'assessment.read'
			? canReadAssessment(actor, a)
			: can(actor, permission, { cityId: a.cityId });
	if (allowed) return;
	if (!actor) error(401, 'Sign in to continue.');
	error(404, 'Not found');
}
