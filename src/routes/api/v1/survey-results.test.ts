// The survey results endpoint's real answers over the seeded database (the 2015 refugee
// reception survey, published; the demo's Charter monitoring campaign, open and unpublished),
// checked against the OpenAPI document as api.test.ts does.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '#lib/server/testing/database.ts';
import { openapi } from '#lib/server/api/openapi.ts';
import * as document from '#lib/server/api/openapi/results.ts';
import {
	apiCaller,
	signInDemoActors,
	type DemoActors,
	type Json
} from '#lib/server/api/testing.ts';
import * as campaignResults from './campaigns/[slug]/results/+server.ts';

const RESULTS = '/campaigns/{slug}/results';
const { call, seen } = apiCaller(openapi);
// The Surveys operations are checked by three files; this one by those of openapi/results.ts.
const ours = (path: string) => Object.hasOwn(document.paths, path);

describe.each(engines())('API v1 survey results on %s', (engine) => {
	useTestDatabase(engine, { demo: true });
	const actors = {} as DemoActors;

	beforeAll(async () => {
		seen.clear();
		Object.assign(actors, await signInDemoActors());
	});

	const results = (slug: string, actor: DemoActors[keyof DemoActors] | null = null) =>
		call(campaignResults.GET, RESULTS, { slug }, { actor });

	it('gives everyone the published 2015 figures, unknown cells as null', async () => {
		const { status, body, cacheControl, cors } = await results('refugee-reception-2015');
		expect(status).toBe(200);
		expect(cacheControl).toBe('public, max-age=300');
		expect(cors).toBe('*');
		expect(body.rate).toEqual({ targets: 7, submitted: 7, rate: 1 });
		expect(body.href).toBe('/surveys/refugee-reception-2015');
		const [question] = (body.sections as { questions: Json[] }[])[0]!.questions;
		expect(question!.numbers).toContainEqual(
			expect.objectContaining({ cell: '2015/transit', count: 5, sum: 860000, max: 500000 })
		);
		const cities = body.cities as { slug: string; values: unknown[] }[];
		expect(cities.find((c) => c.slug === 'athens')!.values).toEqual([null, 500000]);
		expect(cities.find((c) => c.slug === 'malmo')!.values).toEqual([3455, null]);
		expect(body.citiesComplete).toBe(true);
	});

	it('gives network admins an unpublished campaign, privately, and nobody else', async () => {
		const admin = await results('charter-monitoring-demo', actors.admin);
		expect(admin.status).toBe(200);
		expect(admin.cacheControl).toBe('private, no-store');
		expect(admin.body.campaign).toMatchObject({ published: false });
		expect((admin.body.sections as Json[]).length).toBeGreaterThan(1);
		expect((await results('charter-monitoring-demo')).status).toBe(404);
		expect((await results('charter-monitoring-demo', actors.lublinCoordinator)).status).toBe(404);
		expect((await results('no-such-campaign')).status).toBe(404);
		expect((await results('<script>')).status).toBe(404);
	});

	it('has produced and checked every response the document promises for surveys', () => {
		const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
			ours(path) ? Object.keys(item.get.responses).map((status) => `${path} ${status}`) : []
		);
		const produced = [...seen].filter((s) => ours(s.split(' ')[0]!));
		expect(produced.sort()).toEqual(documented.sort());
	});
});
