// The mentoring endpoints' real answers over the seeded database (Tampere mentoring Lublin,
// seed 000), checked against the OpenAPI document as api.test.ts does: the public summary for
// everyone, the workspace and the plan only for the two cities' people and network admins.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '#lib/server/testing/database.ts';
import { openapi } from '#lib/server/api/openapi.ts';
import {
	apiCaller,
	signInDemoActors,
	type ApiPath,
	type DemoActors,
	type Json
} from '#lib/server/api/testing.ts';
import * as engagementOne from './engagements/[slug]/+server.ts';
import * as planOne from './plans/[planId]/+server.ts';

const ENGAGEMENT = '/engagements/{slug}';
const PLAN = '/plans/{planId}';
const SEEDED = 'tampere-mentoring-lublin';
const PUBLIC = 'public, max-age=300';
const PRIVATE = 'private, no-store';

const { call, seen } = apiCaller(openapi);
const ours = (path: string) =>
	(openapi.paths[path as ApiPath].get.tags as string[]).includes('Mentoring');

describe.each(engines())('API v1 mentoring on %s', (engine) => {
	useTestDatabase(engine, { demo: true });
	const actors = {} as DemoActors;

	beforeAll(async () => {
		seen.clear();
		Object.assign(actors, await signInDemoActors());
	});

	const engagement = (slug: string, actor: DemoActors[keyof DemoActors] | null = null) =>
		call(engagementOne.GET, ENGAGEMENT, { slug }, { actor });
	const plan = (planId: string, actor: DemoActors[keyof DemoActors] | null = null) =>
		call(planOne.GET, PLAN, { planId }, { actor });

	it('gives everyone the public summary of the seeded engagement, cacheable', async () => {
		const { status, body, cacheControl } = await engagement(SEEDED);
		expect(status).toBe(200);
		expect(cacheControl).toBe(PUBLIC);
		expect(body).toMatchObject({
			slug: SEEDED,
			mentor: { slug: 'tampere', name: 'Tampere' },
			implementing: { slug: 'lublin', name: 'Lublin' },
			href: `/engagements/${SEEDED}`,
			workspace: null
		});
		const publicPlan = body.plan as { actions: Json[]; results: Json[] };
		expect(publicPlan.actions).toHaveLength(8);
		expect(publicPlan.results).toContainEqual(
			expect.objectContaining({ happenedOn: '2014-02-12' })
		);
		// A stakeholder of Lublin reads what the public reads.
		const ngo = await engagement(SEEDED, actors.lublinNgo);
		expect(ngo.body.workspace).toBeNull();
		expect(ngo.cacheControl).toBe(PUBLIC);
	});

	it('gives the two cities the workspace and the plan, privately', async () => {
		for (const actor of [actors.lublinCoordinator, actors.tampereCoordinator, actors.admin]) {
			const { body, cacheControl } = await engagement(SEEDED, actor);
			expect(cacheControl).toBe(PRIVATE);
			const workspace = body.workspace as { parts: Json[]; visits: Json[]; planId: string };
			expect(workspace.parts.map((p) => p.kind)).toContain('needs');
			expect(workspace.visits.length).toBeGreaterThan(0);
			const full = await plan(workspace.planId, actor);
			expect(full.status).toBe(200);
			expect(full.cacheControl).toBe(PRIVATE);
			expect((full.body.actions as Json[]).map((a) => a.position)).toEqual([
				1, 2, 3, 4, 5, 6, 7, 8
			]);
			expect(full.body.log as Json[]).toContainEqual(
				expect.objectContaining({ happenedOn: '2014-02-12' })
			);
			expect(full.body.engagement).toMatchObject({
				mentor: { slug: 'tampere' },
				implementing: { slug: 'lublin' }
			});
		}
	});

	it('tells a visitor to sign in, and others nothing about a plan', async () => {
		const { body } = await engagement(SEEDED, actors.lublinCoordinator);
		const planId = (body.workspace as { planId: string }).planId;
		expect((await plan(planId)).status).toBe(401);
		// Lublin's NGO is no party to the engagement: its plan reads as not found.
		expect((await plan(planId, actors.lublinNgo)).status).toBe(404);
		expect((await plan('not-a-uuid', actors.admin)).status).toBe(404);
		expect((await plan('00000000-0000-4000-8000-000000000000', actors.admin)).status).toBe(404);
		expect((await engagement('no-such-engagement')).status).toBe(404);
		expect((await engagement('<script>')).status).toBe(404);
	});

	it('has produced and checked every response the document promises for mentoring', () => {
		const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
			ours(path) ? Object.keys(item.get.responses).map((status) => `${path} ${status}`) : []
		);
		const produced = [...seen].filter((s) => ours(s.split(' ')[0]!));
		expect(produced.sort()).toEqual(documented.sort());
	});
});
