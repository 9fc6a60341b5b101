// The results service on a small campaign whose figures are known by hand, and on the seeded
// 2015 refugee reception survey: counts, sums, means, medians, extremes, distributions, unknown
// cells not counted, only submitted responses, public questions only for visitors, access.
import { beforeAll, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { db } from '../db/index.ts';
import { city } from '../cities/schema.ts';
import type { Actor } from '../access/index.ts';
import type { SurveyDefinition } from './definition.ts';
import * as surveyQueries from './queries.ts';
import * as results from './results.ts';
import * as trend from './results-trend.ts';
import * as publishing from './results-publication.ts';
import * as exportRows from './results-export-rows.ts';

const definition: SurveyDefinition = {
	sections: [
		{
			key: 'main',
			title: { en: 'Main' },
			questions: [
				{ key: 'staff', type: 'number', label: { en: 'Staff' }, required: false },
				{
					key: 'lead',
					type: 'single',
					label: { en: 'Who leads' },
					required: false,
					options: [
						{ key: 'mayor', label: { en: 'Mayor' } },
						{ key: 'office', label: { en: 'Office' } }
					]
				},
				{
					key: 'tools',
					type: 'multiple',
					label: { en: 'Tools' },
					required: false,
					options: [
						{ key: 'web', label: { en: 'Web' } },
						{ key: 'mail', label: { en: 'Mail' } }
					]
				},
				{ key: 'mood', type: 'scale', label: { en: 'Mood' }, required: false },
				{
					key: 'grid',
					type: 'table',
					label: { en: 'Grid' },
					required: false,
					rows: [{ key: 'y', label: { en: 'Year' } }],
					columns: [
						{ key: 'a', label: { en: 'A' } },
						{ key: 'b', label: { en: 'B' } }
					]
				},
				{ key: 'notes', type: 'long_text', label: { en: 'Notes' }, required: false }
			]
		}
	]
};

type A = { q: string; cell?: string; n?: number; t?: string };

describe.each(engines())('survey results on %s', (engine) => {
	useTestDatabase(engine, { demo: true });
	let admin: Actor;
	let coordinator: Actor;

	beforeAll(async () => {
		admin = await actorByEmail('admin@example.org');
		coordinator = await actorByEmail('coordinator.lublin@example.org');
		const d = await db();
		const cities = await d
			.select()
			.from(city)
			.where(inArray(city.slug, ['lublin', 'tampere', 'oslo', 'vienna', 'munich']));
		const id = (slug: string) => cities.find((c) => c.slug === slug)!.id;
		const s = await surveyQueries.insertSurvey(d, { slug: 'known', title: { en: 'Known' } });
		const v = await surveyQueries.insertVersion(d, {
			surveyId: s.id,
			number: 1,
			status: 'published',
			definition
		});
		const c = await surveyQueries.insertCampaign(d, {
			slug: 'known-2026',
			surveyId: s.id,
			versionId: v.id,
			edition: '2026',
			target: 'chosen',
			status: 'closed'
		});
		const respond = async (slug: string, status: 'submitted' | 'in_progress', answers: A[]) => {
			const r = await surveyQueries.insertResponse(d, {
				campaignId: c.id,
				cityId: id(slug),
				status
			});
			await surveyQueries.insertAnswers(
				d,
				answers.map((a) => ({
					responseId: r.id,
					campaignId: c.id,
					questionKey: a.q,
					cell: a.cell ?? '',
					number: a.n ?? null,
					text: a.t ?? null
				}))
			);
		};
		await respond('lublin', 'submitted', [
			{ q: 'staff', n: 10 },
			{ q: 'lead', t: 'mayor' },
			{ q: 'tools', cell: 'web', n: 1 },
			{ q: 'tools', cell: 'mail', n: 1 },
			{ q: 'mood', n: 4 },
			{ q: 'grid', cell: 'y/a', n: 100 },
			{ q: 'grid', cell: 'y/b', n: 5 },
			{ q: 'notes', t: 'Private words' }
		]);
		await respond('tampere', 'submitted', [
			{ q: 'staff', n: 20 },
			{ q: 'lead', t: 'office' },
			{ q: 'tools', cell: 'web', n: 1 },
			{ q: 'mood', n: 2 },
			// y/a unknown: no row, not 0.
			{ q: 'grid', cell: 'y/b', n: 7 }
		]);
		await respond('oslo', 'submitted', [
			{ q: 'staff', n: 60 },
			{ q: 'lead', t: 'mayor' },
			{ q: 'tools', cell: '', n: 0 },
			{ q: 'mood', n: 4 },
			{ q: 'grid', cell: 'y/a', n: 300 }
		]);
		// In progress: never counted.
		await respond('vienna', 'in_progress', [
			{ q: 'staff', n: 1000 },
			{ q: 'lead', t: 'office' },
			{ q: 'grid', cell: 'y/a', n: 99999 }
		]);
		await respond('munich', 'in_progress', []);
	});

	const question = (r: results.CampaignResults, key: string) =>
		r.sections.flatMap((s) => s.questions).find((q) => q.key === key)!;

	it('gives the admin the rate and the figures of submitted responses only', async () => {
		const r = await results.campaignResults(admin, 'known-2026', 'en', { adminView: true });
		expect(r.rate).toEqual({ targets: 5, submitted: 3, rate: 0.6 });
		const staff = question(r, 'staff');
		expect(staff.answered).toBe(3);
		expect(staff.numbers).toEqual([
			{ cell: '', row: '', column: '', count: 3, sum: 90, mean: 30, median: 20, min: 10, max: 60 }
		]);
		const lead = question(r, 'lead');
		expect(lead.distribution).toEqual([
			{ value: 'mayor', label: 'Mayor', count: 2, share: 2 / 3 },
			{ value: 'office', label: 'Office', count: 1, share: 1 / 3 }
		]);
		const tools = question(r, 'tools');
		expect(tools.answered).toBe(3);
		expect(tools.distribution.map((x) => [x.value, x.count])).toEqual([
			['web', 2],
			['mail', 1]
		]);
		expect(question(r, 'mood').distribution.map((x) => x.count)).toEqual([0, 1, 0, 2, 0]);
		expect(question(r, 'mood').numbers[0]).toMatchObject({ count: 3, median: 4, min: 2, max: 4 });
		const grid = question(r, 'grid');
		expect(grid.numbers).toEqual([
			{
				cell: 'y/a',
				row: 'Year',
				column: 'A',
				count: 2,
				sum: 400,
				mean: 200,
				median: 200,
				min: 100,
				max: 300
			},
			{
				cell: 'y/b',
				row: 'Year',
				column: 'B',
				count: 2,
				sum: 12,
				mean: 6,
				median: 6,
				min: 5,
				max: 7
			}
		]);
		expect(question(r, 'notes').answered).toBe(1);
	});

	it('shows the table by city with unknown as unknown, never 0', async () => {
		const r = await results.campaignResults(admin, 'known-2026', 'en', { adminView: true });
		expect(r.cities.map((c) => c.name)).toEqual(['Lublin', 'Oslo', 'Tampere']);
		const col = (label: string) => r.columns.findIndex((c) => c.label === label);
		const tampere = r.cities.find((c) => c.name === 'Tampere')!;
		expect(tampere.values[col('Grid: Year – A')]).toBeNull();
		expect(tampere.values[col('Grid: Year – B')]).toBe(7);
		expect(tampere.values[col('Who leads')]).toBe('Office');
		const lublin = r.cities.find((c) => c.name === 'Lublin')!;
		expect(lublin.values[col('Tools')]).toBe('Web; Mail');
		const oslo = r.cities.find((c) => c.name === 'Oslo')!;
		expect(oslo.values[col('Tools')]).toBe('');
		expect(oslo.values[col('Notes')]).toBeNull();
	});

	it('hides unpublished results and unpublished questions from the public', async () => {
		await expect(results.campaignResults(null, 'known-2026', 'en')).rejects.toMatchObject({
			status: 404
		});
		await publishing.setPublished(admin, 'known-2026', {
			publish: true,
			questions: ['staff', 'grid', 'not-a-question']
		});
		const r = await results.campaignResults(null, 'known-2026', 'en');
		expect(r.sections.flatMap((s) => s.questions).map((q) => q.key)).toEqual(['staff', 'grid']);
		expect(r.columns.map((c) => c.key)).not.toContain('notes');
		expect(r.campaign.publicQuestions).toEqual(['staff', 'grid']);
		const listed = await results.publishedCampaigns(null, 'en');
		expect(listed.find((c) => c.slug === 'known-2026')?.rate.submitted).toBe(3);
		await publishing.setPublished(admin, 'known-2026', { publish: false, questions: ['staff'] });
		await expect(results.campaignResults(coordinator, 'known-2026', 'en')).rejects.toMatchObject({
			status: 404
		});
		expect((await results.publishedCampaigns(null, 'en')).map((c) => c.slug)).not.toContain(
			'known-2026'
		);
	});

	it('keeps the admin views to survey.manage', async () => {
		for (const [actor, status] of [
			[null, 401],
			[coordinator, 403]
		] as const) {
			await expect(
				results.campaignResults(actor, 'known-2026', 'en', { adminView: true })
			).rejects.toMatchObject({ status });
			await expect(exportRows.exportAnswers(actor, 'known-2026', 'en')).rejects.toMatchObject({
				status
			});
			await expect(trend.surveyTrend(actor, 'known', 'en')).rejects.toMatchObject({ status });
			await expect(
				publishing.setPublished(actor, 'known-2026', { publish: true, questions: [] })
			).rejects.toMatchObject({ status });
		}
		await expect(
			results.campaignResults(admin, 'no-such', 'en', { adminView: true })
		).rejects.toMatchObject({ status: 404 });
	});

	it('exports one row per city, question and cell of submitted responses', async () => {
		const e = await exportRows.exportAnswers(admin, 'known-2026', 'en');
		const rows: exportRows.ExportRow[] = [];
		for await (const batch of e.rows()) rows.push(...batch);
		expect(rows.some((r) => r.city === 'Vienna')).toBe(false);
		expect(rows.filter((r) => r.city === 'Lublin').map((r) => r.questionKey)).toEqual([
			'staff',
			'lead',
			'tools',
			'tools',
			'mood',
			'grid',
			'grid',
			'notes'
		]);
		expect(rows).toContainEqual(
			expect.objectContaining({ city: 'Tampere', cell: 'y/b', row: 'Year', column: 'B', number: 7 })
		);
		expect(rows).toContainEqual(
			expect.objectContaining({ city: 'Lublin', questionKey: 'lead', text: 'Mayor' })
		);
	});

	it('gives the trend of a question across editions', async () => {
		const t = await trend.surveyTrend(admin, 'known', 'en');
		expect(t.editions.map((e) => [e.edition, e.rate.submitted, e.rate.targets])).toEqual([
			['2026', 3, 5]
		]);
		expect(t.cities.find((c) => c.name === 'Vienna')?.statuses).toEqual(['in_progress']);
		const staff = t.questions.find((q) => q.key === 'staff')!;
		expect(staff.editions[0]?.numbers[0]?.sum).toBe(90);
	});

	it('shows the seeded 2015 figures to anyone, unknown cells left unknown', async () => {
		const r = await results.campaignResults(null, 'refugee-reception-2015', 'en');
		expect(r.rate).toMatchObject({ targets: 7, submitted: 7 });
		expect(r.campaign.reportedNote).toContain('34 cities');
		const cells = Object.fromEntries(
			r.cities.map((c) => [c.name, [c.values[0], c.values[1]]] as const)
		);
		expect(cells).toEqual({
			Athens: [null, 500000],
			Berlin: [50000, null],
			Helsinki: [3055, 10000],
			Malmö: [3455, null],
			Munich: [25000, 80000],
			Oslo: [1400, 20000],
			Vienna: [40000, 250000]
		});
		const [arrivals, transit] = r.sections[0]!.questions[0]!.numbers;
		expect(arrivals).toMatchObject({ count: 6, sum: 122910, min: 1400, max: 50000 });
		expect(transit).toMatchObject({ count: 5, sum: 860000, median: 80000 });
	});
});
