import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import {
	can,
	canInEngagement,
	canInPlan,
	canReadAssessment,
	requirePlanAccess,
	type PlanAction,
	requireEngagementAccess,
	type EngagementAction,
	type EngagementScope,
	requireAssessmentAccess,
	grantableRoles,
	permissions,
	requireAccess,
	requireSignedIn,
	type Actor,
	type Permission,
	type Role
} from './index.ts';

const LUBLIN = '00000000-0000-4000-8000-000000000001';
const TAMPERE = '00000000-0000-4000-8000-000000000002';

function actor(
	role: Role,
	cityId: string | null = role === 'network_admin' ? null : LUBLIN
): Actor {
	return {
		userId: `user-${role}`,
		name: role,
		email: `${role}@example.org`,
		emailVerified: true,
		memberships: [{ role, cityId }]
	};
}

type Who = 'anonymous' | Role;
const who: Who[] = [
	'anonymous',
	'network_admin',
	'city_coordinator',
	'city_contributor',
	'stakeholder'
];
const actors: Record<Who, Actor | null> = {
	anonymous: null,
	network_admin: actor('network_admin'),
	city_coordinator: actor('city_coordinator'),
	city_contributor: actor('city_contributor'),
	stakeholder: actor('stakeholder')
};

/**
 * The expected matrix: what each role may do in its own city (Lublin). In another city
 * (Tampere) city roles may do nothing city-scoped; the network admin may do everything.
 */
const ownCity: Record<Permission, Who[]> = {
	'content.read': who,
	'city.create': ['network_admin'],
	'city.workspace.read': ['network_admin', 'city_coordinator', 'city_contributor', 'stakeholder'],
	'city.members.read': ['network_admin', 'city_coordinator', 'city_contributor'],
	'city.members.invite': ['network_admin', 'city_coordinator'],
	'city.coordinator.appoint': ['network_admin'],
	'city.facts.update': ['network_admin', 'city_coordinator'],
	'outbox.read': ['network_admin'],
	'audit.read': ['network_admin'],
	'assessment.read': ['city_coordinator', 'city_contributor'],
	'assessment.answer': ['city_coordinator', 'city_contributor'],
	'assessment.manage': ['city_coordinator'],
	'practice.draft': ['city_coordinator', 'city_contributor'],
	'practice.submit': ['city_coordinator'],
	'practice.review': ['network_admin'],
	'engagement.setup': ['network_admin'],
	'engagement.propose': ['network_admin', 'city_coordinator'],
	'engagement.read': ['network_admin', 'city_coordinator', 'city_contributor'],
	'engagement.edit': ['network_admin', 'city_coordinator', 'city_contributor'],
	'plan.edit': ['city_coordinator', 'city_contributor'],
	'plan.comment': ['network_admin', 'city_coordinator', 'city_contributor'],
	'survey.manage': ['network_admin'],
	'survey.respond': ['city_coordinator', 'city_contributor'],
	'survey.submit': ['city_coordinator'],
	'signatory.record': ['network_admin'],
	'dashboard.read': ['network_admin']
};
/** City work the network admin does not do by role (it sees shared assessments only). */
const cityOnly: Permission[] = [
	'assessment.read',
	'assessment.answer',
	'assessment.manage',
	'practice.draft',
	'practice.submit',
	'plan.edit',
	'survey.respond',
	'survey.submit'
];
const cityScoped: Permission[] = [
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
];

describe('permissions matrix: role × action', () => {
	it('covers every permission', () => {
		expect(Object.keys(ownCity).sort()).toEqual([...permissions].sort());
	});

	for (const permission of permissions) {
		for (const w of who) {
			const allowed = ownCity[permission].includes(w);
			it(`${w} ${allowed ? 'may' : 'may not'} ${permission} in their own city`, () => {
				expect(can(actors[w], permission, { cityId: LUBLIN })).toBe(allowed);
			});
			if (cityScoped.includes(permission)) {
				const elsewhere = w === 'network_admin' && !cityOnly.includes(permission);
				it(`${w} ${elsewhere ? 'may' : 'may not'} ${permission} in another city`, () => {
					expect(can(actors[w], permission, { cityId: TAMPERE })).toBe(elsewhere);
				});
			}
		}
	}
});

function statusOf(fn: () => void): number | 'allowed' {
	try {
		fn();
		return 'allowed';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('requireAccess answers', () => {
	it('401 without a session', () => {
		expect(statusOf(() => requireAccess(null, 'city.members.read', { cityId: LUBLIN }))).toBe(401);
	});
	it("404 for another city's resource, never 403 (the id reveals nothing)", () => {
		const coordinator = actors.city_coordinator;
		expect(
			statusOf(() => requireAccess(coordinator, 'city.members.read', { cityId: TAMPERE }))
		).toBe(404);
		expect(
			statusOf(() => requireAccess(coordinator, 'city.workspace.read', { cityId: TAMPERE }))
		).toBe(404);
	});
	it('403 for a network-wide permission the actor lacks', () => {
		expect(statusOf(() => requireAccess(actors.city_coordinator, 'outbox.read'))).toBe(403);
	});
	it('401 without a session where only signing in is asked, whatever the roles', () => {
		expect(statusOf(() => requireSignedIn(null))).toBe(401);
		for (const w of who.filter((x) => x !== 'anonymous')) {
			expect(statusOf(() => requireSignedIn(actors[w]))).toBe('allowed');
		}
		const nobody: Actor = { ...actor('stakeholder'), memberships: [] };
		expect(statusOf(() => requireSignedIn(nobody))).toBe('allowed');
	});
	it('a city-scoped permission without a city is never granted to a city role', () => {
		expect(can(actors.city_coordinator, 'city.members.read')).toBe(false);
	});
});

describe('roles one may give by invitation', () => {
	it('a coordinator invites contributors and stakeholders, not coordinators', () => {
		expect(grantableRoles(actors.city_coordinator, LUBLIN)).toEqual([
			'city_contributor',
			'stakeholder'
		]);
	});
	it('a network admin appoints coordinators too', () => {
		expect(grantableRoles(actors.network_admin, TAMPERE)).toEqual([
			'city_coordinator',
			'city_contributor',
			'stakeholder'
		]);
	});
	it('nobody else invites, and a coordinator of Lublin cannot invite into Tampere', () => {
		expect(grantableRoles(actors.city_contributor, LUBLIN)).toEqual([]);
		expect(grantableRoles(actors.stakeholder, LUBLIN)).toEqual([]);
		expect(grantableRoles(actors.city_coordinator, TAMPERE)).toEqual([]);
		expect(grantableRoles(null, LUBLIN)).toEqual([]);
	});
});

describe('reading an assessment', () => {
	const base = { cityId: LUBLIN, status: 'submitted' as const };
	const cases: [string, Actor | null, 'private' | 'network' | 'public', boolean][] = [
		['its coordinator, private', actors.city_coordinator, 'private', true],
		['its contributor, private', actors.city_contributor, 'private', true],
		[
			'its stakeholder, private (answers through their own link only)',
			actors.stakeholder,
			'private',
			false
		],
		['a network admin, private', actors.network_admin, 'private', false],
		['a network admin, shared with the network', actors.network_admin, 'network', true],
		['another city, shared with the network', actor('city_coordinator', TAMPERE), 'network', false],
		['anyone, published', null, 'public', true]
	];
	for (const [label, who, visibility, expected] of cases) {
		it(`${label}: ${expected ? 'may' : 'may not'} read`, () => {
			expect(canReadAssessment(who, { ...base, visibility })).toBe(expected);
		});
	}
	it('a published assessment still in progress is not public', () => {
		expect(
			canReadAssessment(null, { cityId: LUBLIN, visibility: 'public', status: 'in_progress' })
		).toBe(false);
	});
	it("another city's assessment answers 404", () => {
		const other = actor('city_coordinator', TAMPERE);
		expect(
			statusOf(() =>
				requireAssessmentAccess(other, { ...base, visibility: 'private' }, 'assessment.read')
			)
		).toBe(404);
		expect(
			statusOf(() =>
				requireAssessmentAccess(
					actors.network_admin,
					{ ...base, visibility: 'network' },
					'assessment.answer'
				)
			)
		).toBe(404);
	});
});

describe('engagements: who may do what (Tampere mentors Lublin)', () => {
	const OTHER = '00000000-0000-4000-8000-000000000003';
	const inCity = (role: Role, cityId: string) => actor(role, cityId);
	const proposed: EngagementScope = {
		mentorCityId: TAMPERE,
		implementingCityId: LUBLIN,
		status: 'proposed',
		proposedByCityId: LUBLIN
	};
	const active: EngagementScope = { ...proposed, status: 'active' };
	const closed: EngagementScope = { ...proposed, status: 'closed' };
	const people: Record<string, Actor | null> = {
		anonymous: null,
		admin: actors.network_admin,
		'Lublin coordinator': inCity('city_coordinator', LUBLIN),
		'Lublin contributor': inCity('city_contributor', LUBLIN),
		'Lublin stakeholder': inCity('stakeholder', LUBLIN),
		'Tampere coordinator': inCity('city_coordinator', TAMPERE),
		'Tampere contributor': inCity('city_contributor', TAMPERE),
		'other city coordinator': inCity('city_coordinator', OTHER)
	};
	const expected: Record<EngagementAction, string[]> = {
		read: [
			'admin',
			'Lublin coordinator',
			'Lublin contributor',
			'Tampere coordinator',
			'Tampere contributor'
		],
		respond: [],
		edit: [
			'admin',
			'Lublin coordinator',
			'Lublin contributor',
			'Tampere coordinator',
			'Tampere contributor'
		],
		'set-status': ['admin', 'Lublin coordinator', 'Tampere coordinator'],
		// The implementing city edits its plan; the mentor comments and suggests.
		'plan.edit': ['Lublin coordinator', 'Lublin contributor'],
		'plan.comment': [
			'admin',
			'Lublin coordinator',
			'Lublin contributor',
			'Tampere coordinator',
			'Tampere contributor'
		]
	};
	for (const [what, allowed] of Object.entries(expected) as [EngagementAction, string[]][]) {
		it(`${what} in an active engagement: ${allowed.join(', ') || 'nobody'}`, () => {
			const may = Object.entries(people)
				.filter(([, a]) => canInEngagement(a, active, what))
				.map(([name]) => name);
			expect(may).toEqual(allowed);
		});
	}
	it('the city that did not propose accepts or declines, through its coordinator', () => {
		const may = Object.entries(people)
			.filter(([, a]) => canInEngagement(a, proposed, 'respond'))
			.map(([name]) => name);
		expect(may).toEqual(['Tampere coordinator']);
		expect(canInEngagement(people['Lublin coordinator']!, proposed, 'set-status')).toBe(false);
	});
	it('a closed engagement is read only', () => {
		for (const what of ['edit', 'plan.edit', 'plan.comment'] as const) {
			expect(Object.values(people).some((a) => canInEngagement(a, closed, what))).toBe(false);
		}
		expect(canInEngagement(people['Tampere contributor']!, closed, 'read')).toBe(true);
	});
	it('answers 404 to outsiders and 403 to those who may read it', () => {
		expect(statusOf(() => requireEngagementAccess(null, active, 'read'))).toBe(401);
		expect(
			statusOf(() => requireEngagementAccess(people['other city coordinator']!, active, 'read'))
		).toBe(404);
		expect(
			statusOf(() => requireEngagementAccess(people['Tampere coordinator']!, active, 'plan.edit'))
		).toBe(403);
	});
	it("a mentor city reads the implementing city's shared assessments, never its drafts", () => {
		const mentor: Actor = { ...inCity('city_contributor', TAMPERE), mentorOf: [LUBLIN] };
		const stranger = inCity('city_contributor', OTHER);
		const shared = { cityId: LUBLIN, visibility: 'network', status: 'submitted' } as const;
		expect(canReadAssessment(mentor, shared)).toBe(true);
		expect(canReadAssessment(stranger, shared)).toBe(false);
		expect(canReadAssessment(mentor, { ...shared, visibility: 'private' })).toBe(false);
		expect(canReadAssessment(mentor, { ...shared, status: 'in_progress' })).toBe(false);
		expect(canReadAssessment(mentor, { ...shared, cityId: OTHER })).toBe(false);
	});
	describe('action plans', () => {
		const own = { cityId: LUBLIN, engagement: null };
		const ofEngagement = { cityId: LUBLIN, engagement: active };
		const ofClosed = { cityId: LUBLIN, engagement: closed };
		const allowed = (plan: typeof own | typeof ofEngagement, what: PlanAction) =>
			Object.entries(people)
				.filter(([, a]) => canInPlan(a, plan, what))
				.map(([name]) => name);
		it("a city's own plan: its people read, coordinator and contributors edit", () => {
			expect(allowed(own, 'read')).toEqual([
				'admin',
				'Lublin coordinator',
				'Lublin contributor',
				'Lublin stakeholder'
			]);
			expect(allowed(own, 'edit')).toEqual(['Lublin coordinator', 'Lublin contributor']);
			expect(allowed(own, 'comment')).toEqual([
				'admin',
				'Lublin coordinator',
				'Lublin contributor'
			]);
		});
		it("an engagement's plan: the implementing city edits, both cities comment", () => {
			expect(allowed(ofEngagement, 'edit')).toEqual(['Lublin coordinator', 'Lublin contributor']);
			expect(allowed(ofEngagement, 'comment')).toEqual(expected['plan.comment']);
			expect(allowed(ofEngagement, 'read')).toEqual(expected.read);
			expect(allowed(ofClosed, 'edit')).toEqual([]);
			expect(allowed(ofClosed, 'comment')).toEqual([]);
			expect(allowed(ofClosed, 'read')).toEqual(expected.read);
		});
		it('answers 404 to outsiders, 403 to readers who may not do it', () => {
			const outsider = people['other city coordinator']!;
			expect(statusOf(() => requirePlanAccess(outsider, own, 'read'))).toBe(404);
			expect(statusOf(() => requirePlanAccess(outsider, ofEngagement, 'read'))).toBe(404);
			expect(statusOf(() => requirePlanAccess(people['Tampere coordinator']!, own, 'read'))).toBe(
				404
			);
			expect(statusOf(() => requirePlanAccess(people['Lublin stakeholder']!, own, 'edit'))).toBe(
				403
			);
			expect(
				statusOf(() => requirePlanAccess(people['Tampere contributor']!, ofEngagement, 'edit'))
			).toBe(403);
			expect(statusOf(() => requirePlanAccess(null, own, 'read'))).toBe(401);
		});
	});
});
