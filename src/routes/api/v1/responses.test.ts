// The survey responses endpoint's real answers over the demo database (Lublin answers the open
// Charter monitoring campaign), checked against the OpenAPI document as api.test.ts does: the
// city's own answers for its coordinators and contributors, nothing for anyone else.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '#lib/server/testing/database.ts';
import { openapi } from '#lib/server/api/openapi.ts';
import * as document from '#lib/server/api/openapi/responses.ts';
import { actorByEmail } from '#lib/server/testing/actors.ts';
import * as surveyResponses from '#lib/server/surveys/response-sections.ts';
import {
	apiCaller,
	signInDemoActors,
	type DemoActors,
	type Json
} from '#lib/server/api/testing.ts';
import * as cityResponses from './cities/[citySlug]/responses/+server.ts';

const RESPONSES = '/cities/{citySlug}/responses';
const DEMO = 'charter-monitoring-demo';
const PRIVATE = 'private, no-store';

const { call, seen } = apiCaller(openapi);
// The Surveys operations are checked by three files; this one by those of openapi/responses.ts.
const ours = (path: string) => Object.hasOwn(document.paths, path);

describe.each(engines())('API v1 survey responses on %s', (engine) => {
	useTestDatabase(engine, { demo: true });
	const actors = {} as DemoActors;

	beforeAll(async () => {
		seen.clear();
		Object.assign(actors, await signInDemoActors());
		// Lublin answers the first section: a commitment, and the example it reveals.
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const lublin = coordinator.memberships[0]!.cityId!;
		const saved = await surveyResponses.saveSection(
			coordinator,
			lublin,
			DEMO,
			'policy-makers',
			{
				'answer-communicate-commitment/communicate-commitment': ['partly'],
				'answer-communicate-commitment-example': ['A welcome campaign in 2025, 12 000 leaflets.']
			},
			{ complete: false, locale: 'en' }
		);
		expect(saved.ok).toBe(true);
	});

	const responses = (citySlug: string, actor: DemoActors[keyof DemoActors] | null = null) =>
		call(cityResponses.GET, RESPONSES, { citySlug }, { actor });

	it("gives the city's coordinator and contributor its answers keyed by question, privately", async () => {
		for (const actor of [actors.lublinCoordinator, actors.lublinContributor]) {
			const { status, body, cacheControl } = await responses('lublin', actor);
			expect(status).toBe(200);
			expect(cacheControl).toBe(PRIVATE);
			expect(body.city).toEqual({ slug: 'lublin', name: 'Lublin' });
			const demo = (body.responses as Json[]).find((r) => r.campaign === DEMO);
			expect(demo).toMatchObject({
				survey: 'charter-monitoring',
				status: 'in_progress',
				submittedAt: null,
				answers: {
					'communicate-commitment': { 'communicate-commitment': 'partly' },
					'communicate-commitment-example': 'A welcome campaign in 2025, 12 000 leaflets.'
				}
			});
		}
		// Tampere has not answered: the campaign is there, without answers.
		const tampere = await responses('tampere', actors.tampereCoordinator);
		const demo = (tampere.body.responses as Json[]).find((r) => r.campaign === DEMO);
		expect(demo).toMatchObject({ status: 'not_started', answers: {} });
	});

	it('tells a visitor to sign in, and anyone else nothing', async () => {
		expect((await responses('lublin')).status).toBe(401);
		expect((await responses('lublin', actors.tampereCoordinator)).status).toBe(404);
		expect((await responses('lublin', actors.admin)).status).toBe(404);
		expect((await responses('no-such-city', actors.lublinCoordinator)).status).toBe(404);
		expect((await responses('<script>', actors.lublinCoordinator)).status).toBe(404);
	});

	it('has produced and checked every response the document promises for surveys', () => {
		const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
			ours(path) ? Object.keys(item.get.responses).map((status) => `${path} ${status}`) : []
		);
		const produced = [...seen].filter((s) => ours(s.split(' ')[0]!));
		expect(produced.sort()).toEqual(documented.sort());
	});
});
