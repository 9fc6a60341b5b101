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
	/**
	 * The implementing cities that one of the actor's cities mentors in an active or
	 * follow-up engagement (loaded with the session; absent means none).
	 */
	mentorOf?: string[];
	/** The interface language last recorded for the person (see auth.rememberLocale). */
	locale?: string | null;
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
	'practice.review',
	'engagement.setup',
	'engagement.propose',
	'engagement.read',
	'engagement.edit',
	'plan.edit',
	'plan.comment',
	'survey.manage',
	'survey.respond',
	'survey.submit',
	'signatory.record',
	'dashboard.read'
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
	'practice.submit',
	'engagement.propose',
	'engagement.read',
	'engagement.edit',
	'plan.edit',
	'plan.comment',
	'survey.respond',
	'survey.submit'
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
	'practice.submit',
	'plan.edit',
	// A city's answers to a survey are its own; the network reads them as results.
	'survey.respond',
	'survey.submit'
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
		'practice.submit',
		'engagement.propose',
		'engagement.read',
		'engagement.edit',
		'plan.edit',
		'plan.comment',
		'survey.respond',
		'survey.submit'
	]),
	city_contributor: new Set([
		'content.read',
		'city.workspace.read',
		'city.members.read',
		'assessment.read',
		'assessment.answer',
		'practice.draft',
		'engagement.read',
		'engagement.edit',
		'plan.edit',
		'plan.comment',
		'survey.respond'
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
	if (a.visibility === 'private') return false;
	if (isNetworkAdmin(actor)) return true;
	// A mentor city reads what its implementing city shared with the network, never drafts.
	return a.status === 'submitted' && !!actor?.mentorOf?.includes(a.cityId);
}

export type EngagementStatus = 'proposed' | 'active' | 'follow_up' | 'closed' | 'declined';

export interface EngagementScope {
	mentorCityId: string;
	implementingCityId: string;
	status: EngagementStatus;
	/** The city that proposed it; null when a network admin set it up. */
	proposedByCityId: string | null;
}

export type EngagementAction =
	'read' | 'respond' | 'edit' | 'set-status' | 'plan.edit' | 'plan.comment';

/**
 * What an actor may do in an engagement. Both cities' coordinators and contributors read it
 * and write its parts (needs, strengths, visits…) and comment on the plan; only the
 * implementing city edits the plan (the mentor comments and suggests); the city that did not
 * propose it accepts or declines it (its coordinator); either coordinator moves it on
 * (follow-up, closed). Network admins do all but edit a city's plan. Everyone else sees the
 * public summary only (not through this function).
 */
export function canInEngagement(
	actor: Actor | null,
	e: EngagementScope,
	what: EngagementAction
): boolean {
	if (!actor) return false;
	const admin = isNetworkAdmin(actor);
	const inCity = (permission: Permission, cityId: string) =>
		actor.memberships.some(
			(m) => m.cityId === cityId && m.role !== 'network_admin' && grants[m.role].has(permission)
		);
	const inEither = (permission: Permission) =>
		inCity(permission, e.mentorCityId) || inCity(permission, e.implementingCityId);
	const open = e.status !== 'closed' && e.status !== 'declined';
	switch (what) {
		case 'read':
			return admin || inEither('engagement.read');
		case 'respond': {
			if (e.status !== 'proposed') return false;
			const other = e.proposedByCityId === e.mentorCityId ? e.implementingCityId : e.mentorCityId;
			return inCity('engagement.propose', other);
		}
		case 'set-status':
			return e.status !== 'proposed' && (admin || inEither('engagement.propose'));
		case 'edit':
			return open && (admin || inEither('engagement.edit'));
		case 'plan.edit':
			return open && inCity('plan.edit', e.implementingCityId);
		case 'plan.comment':
			return open && (admin || inEither('plan.comment'));
	}
}

/** As requireAccess, for one engagement: 401 without a session, else 404 (never 403). */
export function requireEngagementAccess(
	actor: Actor | null,
	e: EngagementScope,
	what: EngagementAction
): asserts actor is Actor {
	if (canInEngagement(actor, e, what)) return;
	if (!actor) error(401, 'Sign in to continue.');
	// Those who may read it learn they may not do this; others learn nothing about the id.
	if (what !== 'read' && canInEngagement(actor, e, 'read')) {
		error(403, 'You do not have access to this.');
	}
	error(404, 'Not found');
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

export interface PlanScope {
	/** The city whose plan it is (the implementing city of an engagement's plan). */
	cityId: string;
	/** The engagement it belongs to; null for a city's own plan. */
	engagement: EngagementScope | null;
}

export type PlanAction = 'read' | 'edit' | 'comment';

/**
 * What an actor may do in an action plan. An engagement's plan follows the engagement (the
 * implementing city edits, both cities comment, a closed one is read only). A city's own plan
 * is its workspace's: everyone of the city reads it (stakeholders too), its coordinator and
 * contributors edit it and comment; a network admin reads and comments, never edits.
 */
export function canInPlan(actor: Actor | null, plan: PlanScope, what: PlanAction): boolean {
	if (plan.engagement) {
		return canInEngagement(
			actor,
			plan.engagement,
			what === 'read' ? 'read' : what === 'edit' ? 'plan.edit' : 'plan.comment'
		);
	}
	const permission: Permission =
		what === 'read' ? 'city.workspace.read' : what === 'edit' ? 'plan.edit' : 'plan.comment';
	return can(actor, permission, { cityId: plan.cityId });
}

/** As requireEngagementAccess, for a plan: 401, 404 for non-readers, 403 for readers. */
export function requirePlanAccess(
	actor: Actor | null,
	plan: PlanScope,
	what: PlanAction
): asserts actor is Actor {
	if (canInPlan(actor, plan, what)) return;
	if (!actor) error(401, 'Sign in to continue.');
	if (what !== 'read' && canInPlan(actor, plan, 'read')) {
		error(403, 'You do not have access to this.');
	}
	error(404, 'Not found');
}
