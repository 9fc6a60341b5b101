// The network dashboard's figures on known data, and who may see them.
import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import * as cities from '../cities/service.ts';
import * as charter from '../charter/service.ts';
import { city } from '../cities/schema.ts';
import { practice } from '../practices/schema.ts';
import { assessment } from '../assessments/schema.ts';
import { campaign, surveyResponse } from '../surveys/schema.ts';
import { engagement } from '../mentoring/schema.ts';
import * as dashboard from './service.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe.each(engines())('the network dashboard on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });
	const admin = () => actorByEmail('admin@example.org');
	const n = async (query: Promise<{ n: number }[]>) => Number((await query)[0]!.n);

	it('counts what the tables hold', async () => {
		const d = db();
		const f = await dashboard.figures(await admin(), 'en');
		expect(f.cities).toBe(await n(d.select({ n: sql<number>`count(*)` }).from(city)));
		expect(f.practices.published).toBe(
			await n(
				d
					.select({ n: sql<number>`count(*)` })
					.from(practice)
					.where(eq(practice.status, 'published'))
			)
		);
		expect(f.practices.published).toBeGreaterThan(0);
		const statuses = await d
			.select({ status: engagement.status, n: sql<number>`count(*)` })
			.from(engagement)
			.groupBy(engagement.status);
		for (const s of statuses) {
			expect(f.engagements.byStatus.find((b) => b.status === s.status)?.count).toBe(Number(s.n));
		}
		const submitted = await d
			.select({ slug: assessment.benchmarkSlug, n: sql<number>`count(*)` })
			.from(assessment)
			.where(eq(assessment.status, 'submitted'))
			.groupBy(assessment.benchmarkSlug);
		for (const s of submitted) {
			expect(f.assessments.find((a) => a.slug === s.slug)?.submitted).toBe(Number(s.n));
		}
		expect(f.assessments.length).toBeGreaterThan(0);
	});

	it('shows the seeds’ count of signatories and then each signature recorded', async () => {
		const before = await dashboard.figures(await admin(), 'en');
		expect(before.signatories.overTime.map((p) => p.count)).toEqual([33, 39]);
		expect(before.signatories.latest?.count).toBe(39);
		expect(before.signatories.named).toBe(2);
		const riga = (await cities.bySlug(null, 'riga'))!.id;
		const oslo = (await cities.bySlug(null, 'oslo'))!.id;
		const blank = { place: '', signedBy: '', source: '' };
		await charter.record(await admin(), { cityId: riga, signedOn: '2022-09-01', ...blank });
		await charter.record(await admin(), { cityId: oslo, signedOn: null, ...blank });
		const after = await dashboard.figures(await admin(), 'en');
		expect(after.signatories.latest).toMatchObject({ period: '2022-09-01', count: 40 });
		expect(after.signatories.named).toBe(4);
		expect(after.signatories.undated).toBe(1);
	});

	it('gives each sent or closed campaign its responses submitted of its targets', async () => {
		const d = db();
		const f = await dashboard.figures(await admin(), 'en');
		const rows = await d
			.select({
				slug: campaign.slug,
				targets: sql<number>`count(${surveyResponse.id})`,
				submitted: sql<number>`count(*) filter (where ${surveyResponse.status} = 'submitted')`
			})
			.from(campaign)
			.leftJoin(surveyResponse, eq(surveyResponse.campaignId, campaign.id))
			.where(sql`${campaign.status} in ('sent', 'closed')`)
			.groupBy(campaign.slug);
		expect(rows.length).toBeGreaterThan(0);
		expect(f.campaigns.map((c) => [c.slug, c.targets, c.submitted]).sort()).toEqual(
			rows.map((r) => [r.slug, Number(r.targets), Number(r.submitted)]).sort()
		);
		const demo = f.campaigns.find((c) => c.slug === 'charter-monitoring-demo');
		expect(demo?.targets).toBe(await n(d.select({ n: sql<number>`count(*)` }).from(city)));
		expect(demo?.title).not.toBe('');
	});

	it('is refused to a city coordinator and to visitors', async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		expect(await statusOf(dashboard.figures(coordinator, 'en'))).toBe(403);
		expect(await statusOf(dashboard.figures(null, 'en'))).toBe(401);
	});
});

describe.each(engines())('the network dashboard at scale on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });

	it('stays quick with 10,000 cities and 100,000 practices (counts, no rows)', async () => {
		const admin = await actorByEmail('admin@example.org');
		const before = await dashboard.figures(admin, 'en');
		await db().execute(sql`
			insert into city (network_id, slug, name, country)
			select (select id from network limit 1), 'scale-' || g, 'Scale ' || g, 'PL'
			from generate_series(1, 10000) g`);
		await db().execute(sql`
			insert into practice (slug, city_id, status)
			select 'scale-practice-' || g,
				(select id from city where slug = 'scale-' || (1 + g % 10000)),
				(case when g % 10 = 0 then 'submitted' else 'published' end)::practice_status
			from generate_series(1, 100000) g`);
		const started = performance.now();
		const after = await dashboard.figures(admin, 'en');
		const took = performance.now() - started;
		expect(after.cities).toBe(before.cities + 10_000);
		expect(after.practices.published).toBe(before.practices.published + 90_000);
		expect(after.practices.awaitingReview).toBe(before.practices.awaitingReview + 10_000);
		// Generous for a shared test machine; it takes a few tens of milliseconds.
		expect(took).toBeLessThan(2_000);
	}, 120_000);
});
