// The surveys and campaigns endpoints' real answers over the seeded database (the 2015 refugee
// reception survey and its closed campaign, the Charter monitoring survey and the demo's open
// campaign), checked against the OpenAPI document as api.test.ts does. Drafts never show.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '#lib/server/testing/database.ts';
import { openapi } from '#lib/server/api/openapi.ts';
import * as document from '#lib/server/api/openapi/surveys.ts';
import { apiCaller, type Json } from '#lib/server/api/testing.ts';
import { actorByEmail } from '#lib/server/testing/actors.ts';
import { survey } from '#lib/server/surveys/schema.ts';
import * as campaigns from '#lib/server/surveys/campaign-drafts.ts';
import * as surveyList from './surveys/+server.ts';
import * as surveyOne from './surveys/[slug]/+server.ts';
import * as campaignList from './campaigns/+server.ts';
import * as campaignOne from './campaigns/[slug]/+server.ts';

const PUBLIC = 'public, max-age=300';
const { call, seen } = apiCaller(openapi);
// The Surveys operations are checked by three files; this one by those of openapi/surveys.ts.
const ours = (path: string) => Object.hasOwn(document.paths, path);

describe.each(engines())('API v1 surveys on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });
	let draftSlug = '';

	beforeAll(async () => {
		seen.clear();
		// A draft campaign: never in the API.
		const admin = await actorByEmail('admin@example.org');
		const [s] = await db().select().from(survey).where(eq(survey.slug, 'charter-monitoring'));
		const draft = await campaigns.createDraft(admin, { surveyId: s!.id, edition: 'Draft 2040' });
		if (!draft.ok) throw new Error('draft');
		draftSlug = draft.slug;
	});

	it('lists the surveys with their latest published version, cacheable by anyone', async () => {
		const { status, body, cacheControl, cors } = await call(surveyList.GET, '/surveys', {});
		expect(status).toBe(200);
		expect(cacheControl).toBe(PUBLIC);
		expect(cors).toBe('*');
		const list = body.surveys as Json[];
		expect(list).toContainEqual(
			expect.objectContaining({
				slug: 'charter-monitoring',
				version: 1,
				href: '/api/v1/surveys/charter-monitoring'
			})
		);
		expect(list.map((s) => s.slug)).toContain('refugee-reception-2015');
	});

	it('gives a survey’s latest published questions', async () => {
		const { status, body } = await call(surveyOne.GET, '/surveys/{slug}', {
			slug: 'refugee-reception-2015'
		});
		expect(status).toBe(200);
		const sections = body.sections as { key: string; questions: Json[] }[];
		expect(sections[0]!.key).toBe('arrivals');
		expect(sections[0]!.questions[0]).toMatchObject({ key: 'arrivals-transit', type: 'table' });
		const monitoring = await call(surveyOne.GET, '/surveys/{slug}', { slug: 'charter-monitoring' });
		expect(monitoring.body).toMatchObject({ slug: 'charter-monitoring', version: 1 });
		expect((await call(surveyOne.GET, '/surveys/{slug}', { slug: 'no-such-survey' })).status).toBe(
			404
		);
		expect((await call(surveyOne.GET, '/surveys/{slug}', { slug: '<b>' })).status).toBe(404);
	});

	it('lists the campaigns sent, with their response rates, and never a draft', async () => {
		const { status, body, cacheControl } = await call(campaignList.GET, '/campaigns', {});
		expect(status).toBe(200);
		expect(cacheControl).toBe(PUBLIC);
		const list = body.campaigns as Json[];
		expect(list).toContainEqual(
			expect.objectContaining({
				slug: 'refugee-reception-2015',
				status: 'closed',
				opensOn: null,
				edition: '2015',
				target: 'chosen'
			})
		);
		const demo = list.find((c) => c.slug === 'charter-monitoring-demo');
		expect(demo).toMatchObject({
			status: 'open',
			target: 'members',
			submitted: 0,
			survey: { slug: 'charter-monitoring' }
		});
		expect(demo!.targets).toBeGreaterThan(30);
		expect(list.map((c) => c.slug)).not.toContain(draftSlug);
	});

	it('gives one campaign; a draft or an unknown one is not found', async () => {
		const { status, body } = await call(campaignOne.GET, '/campaigns/{slug}', {
			slug: 'refugee-reception-2015'
		});
		expect(status).toBe(200);
		expect(body).toMatchObject({ slug: 'refugee-reception-2015', status: 'closed' });
		expect(body.submitted).toBe(body.targets);
		expect((await call(campaignOne.GET, '/campaigns/{slug}', { slug: draftSlug })).status).toBe(
			404
		);
		expect(
			(await call(campaignOne.GET, '/campaigns/{slug}', { slug: 'no-such-campaign' })).status
		).toBe(404);
	});

	it('has produced and checked every response the document promises for surveys', () => {
		const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
			ours(path) ? Object.keys(item.get.responses).map((status) => `${path} ${status}`) : []
		);
		const produced = [...seen].filter((s) => ours(s.split(' ')[0]!));
		expect(produced.sort()).toEqual(documented.sort());
	});
});
