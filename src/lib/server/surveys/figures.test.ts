// survey_figure, which the database keeps (migration 0015's triggers), compared whole after
// every kind of write with the same figures aggregated from scratch over the answers of
// submitted responses: answers saved in progress, submission, reopening, a resubmission with
// changed answers, answers written, changed and deleted while submitted, many responses
// submitted and reopened in one statement, a response deleted, a campaign deleted.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { db, type Db } from '../db/index.ts';
import { city } from '../cities/schema.ts';
import { allQuestions, type SurveyDefinition } from './definition.ts';
import { campaign, surveyAnswer, surveyResponse, surveyVersion } from './schema.ts';
import * as surveyQueries from './queries.ts';
import { replaceAnswer } from './response-queries.ts';

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
				{
					key: 'charter',
					type: 'commitments',
					label: { en: 'Charter' },
					required: false,
					commitments: ['one', 'two']
				},
				{ key: 'notes', type: 'long_text', label: { en: 'Notes' }, required: false }
			]
		}
	]
};

const COUNTED = new Set(['single', 'multiple', 'scale', 'commitments']);

type Row = { q: string; cell?: string; n?: number; t?: string };

interface FigureRow {
	campaign_id: string;
	question_key: string;
	cell: string;
	value: string;
	rows: string;
	numbers: string;
	sum: string;
}

async function rowsOf(d: Db, statement: ReturnType<typeof sql>) {
	return ((await d.execute(statement)) as unknown as { rows: FigureRow[] }).rows;
}

/** survey_figure as the triggers keep it. */
function kept(d: Db) {
	return rowsOf(
		d,
		sql`select campaign_id::text, question_key, cell, value, "rows"::text, numbers::text,
		  trim_scale("sum")::text as "sum"
		from survey_figure order by 1, 2, 3, 4`
	);
}

/**
 * The same figures from scratch: a GROUP BY over the answers of submitted responses. Which
 * questions get a row per answer ('campaign/key' in `counted`) is read from the definitions in
 * TypeScript, not in SQL as the triggers do.
 */
async function fromScratch(d: Db) {
	const versions = await d
		.select({ id: campaign.id, definition: surveyVersion.definition })
		.from(campaign)
		.innerJoin(surveyVersion, eq(surveyVersion.id, campaign.versionId));
	const counted = versions.flatMap((c) =>
		allQuestions(c.definition)
			.filter((q) => COUNTED.has(q.type))
			.map((q) => `${c.id}/${q.key}`)
	);
	const countedArray = counted.length
		? sql`array[${sql.join(
				counted.map((k) => sql`${k}`),
				sql`, `
			)}]::text[]`
		: sql`'{}'::text[]`;
	return rowsOf(
		d,
		sql`with a as (
		  select a.* from survey_answer a
		  join survey_response r on r.id = a.response_id and r.status = 'submitted'
		)
		select * from (
		  select campaign_id::text, question_key, cell, '' as value, count(*)::text as "rows",
		    count(number)::text as numbers, trim_scale(coalesce(sum(number::numeric), 0))::text as "sum"
		  from a group by campaign_id, question_key, cell
		  union all
		  select campaign_id::text, question_key, cell,
		    case when text is not null then 't:' || text else 'n:' || number::text end,
		    count(*)::text, '0', '0'
		  from a
		  where (campaign_id::text || '/' || question_key) = any(${countedArray})
		    and (text is not null or number is not null)
		  group by campaign_id, question_key, cell, text, number
		  union all
		  select campaign_id::text, question_key, '', '*', count(distinct response_id)::text, '0', '0'
		  from a group by campaign_id, question_key
		) x order by 1, 2, 3, 4`
	);
}

describe.each(engines())('survey figures kept by the database on %s', (engine) => {
	useTestDatabase(engine);
	let d: Db;
	let campaignId: string;
	const responses: string[] = [];

	/** The kept figures equal the ones from scratch, and the campaign has `expected` rows. */
	async function expectRight(expected?: (rows: FigureRow[]) => void) {
		const now = await kept(d);
		expect(now).toEqual(await fromScratch(d));
		expected?.(now.filter((r) => r.campaign_id === campaignId));
	}

	const answer = (response: number, rows: Row[], questionKey: string) =>
		replaceAnswer(d, {
			responseId: responses[response]!,
			campaignId,
			questionKey,
			rows: rows.map((r) => ({ cell: r.cell ?? '', number: r.n ?? null, text: r.t ?? null })),
			userId: null as unknown as string
		});

	const setStatus = (indexes: number[], status: 'submitted' | 'in_progress') =>
		d
			.update(surveyResponse)
			.set({ status })
			.where(
				inArray(
					surveyResponse.id,
					indexes.map((i) => responses[i]!)
				)
			);

	const figure = (rows: FigureRow[], key: string, cell: string, value: string) =>
		rows.find((r) => r.question_key === key && r.cell === cell && r.value === value);

	beforeAll(async () => {
		d = await db();
		const cities = await d.select().from(city).orderBy(asc(city.slug)).limit(4);
		const s = await surveyQueries.insertSurvey(d, { slug: 'kept', title: { en: 'Kept' } });
		const v = await surveyQueries.insertVersion(d, {
			surveyId: s.id,
			number: 1,
			status: 'published',
			definition
		});
		const c = await surveyQueries.insertCampaign(d, {
			slug: 'kept-2026',
			surveyId: s.id,
			versionId: v.id,
			edition: '2026',
			target: 'chosen',
			status: 'sent'
		});
		campaignId = c.id;
		for (const ct of cities) {
			const r = await surveyQueries.insertResponse(d, {
				campaignId,
				cityId: ct.id,
				status: 'in_progress'
			});
			responses.push(r.id);
		}
	});

	it('has the seeded campaigns figures from the migration', async () => {
		const now = await kept(d);
		expect(now.length).toBeGreaterThan(0);
		await expectRight();
	});

	it('leaves answers in progress out', async () => {
		await answer(0, [{ q: 'staff', n: 10 }], 'staff');
		await answer(0, [{ q: 'lead', t: 'mayor' }], 'lead');
		await answer(
			0,
			[
				{ q: 'tools', cell: 'web', n: 1 },
				{ q: 'tools', cell: 'mail', n: 1 }
			],
			'tools'
		);
		await answer(0, [{ q: 'mood', n: 4 }], 'mood');
		await answer(
			0,
			[
				{ q: 'grid', cell: 'y/a', n: 100.5 },
				{ q: 'grid', cell: 'y/b', n: 5 }
			],
			'grid'
		);
		await answer(
			0,
			[
				{ q: 'charter', cell: 'one', t: 'yes' },
				{ q: 'charter', cell: 'two', t: 'partly' }
			],
			'charter'
		);
		await answer(0, [{ q: 'notes', t: 'Private words' }], 'notes');
		await answer(1, [{ q: 'staff', n: 20 }], 'staff');
		await answer(1, [{ q: 'lead', t: 'office' }], 'lead');
		await answer(1, [{ q: 'tools', cell: '', n: 0 }], 'tools');
		await answer(1, [{ q: 'grid', cell: 'y/b', n: 7.25 }], 'grid');
		await answer(2, [{ q: 'staff', n: 60 }], 'staff');
		await expectRight((rows) => expect(rows).toEqual([]));
	});

	it('adds a response when it is submitted, and takes it away when reopened', async () => {
		await setStatus([0], 'submitted');
		await expectRight((rows) => {
			expect(figure(rows, 'staff', '', '')).toMatchObject({ rows: '1', numbers: '1', sum: '10' });
			expect(figure(rows, 'grid', 'y/a', '')).toMatchObject({ numbers: '1', sum: '100.5' });
			expect(figure(rows, 'lead', '', 't:mayor')?.rows).toBe('1');
			expect(figure(rows, 'mood', '', 'n:4')?.rows).toBe('1');
			expect(figure(rows, 'tools', 'web', 'n:1')?.rows).toBe('1');
			expect(figure(rows, 'charter', 'two', 't:partly')?.rows).toBe('1');
			expect(figure(rows, 'tools', '', '*')?.rows).toBe('1');
			// No row per number, nor per free text.
			expect(figure(rows, 'staff', '', 'n:10')).toBeUndefined();
			expect(figure(rows, 'notes', '', 't:Private words')).toBeUndefined();
		});
		await setStatus([0, 1], 'submitted');
		await expectRight((rows) => {
			expect(figure(rows, 'staff', '', '')).toMatchObject({ rows: '2', numbers: '2', sum: '30' });
			expect(figure(rows, 'tools', '', '*')?.rows).toBe('2');
		});
		await setStatus([0], 'in_progress');
		await expectRight((rows) => {
			expect(figure(rows, 'staff', '', '')).toMatchObject({ rows: '1', sum: '20' });
			expect(figure(rows, 'lead', '', 't:mayor')).toBeUndefined();
			expect(figure(rows, 'notes', '', '*')).toBeUndefined();
		});
	});

	it('counts the changed answers of a response submitted again', async () => {
		await answer(0, [{ q: 'staff', n: 12 }], 'staff');
		await answer(0, [{ q: 'lead', t: 'office' }], 'lead');
		await answer(0, [{ q: 'tools', cell: 'mail', n: 1 }], 'tools');
		await answer(0, [], 'notes');
		await setStatus([0], 'submitted');
		await expectRight((rows) => {
			expect(figure(rows, 'staff', '', '')).toMatchObject({ rows: '2', sum: '32' });
			expect(figure(rows, 'lead', '', 't:office')?.rows).toBe('2');
			expect(figure(rows, 'lead', '', 't:mayor')).toBeUndefined();
			expect(figure(rows, 'tools', 'web', 'n:1')).toBeUndefined();
			expect(figure(rows, 'notes', '', '*')).toBeUndefined();
		});
	});

	it('follows answers written, changed and deleted while submitted', async () => {
		// Inserted into a submitted response.
		await answer(1, [{ q: 'mood', n: 2 }], 'mood');
		await answer(
			1,
			[
				{ q: 'tools', cell: 'web', n: 1 },
				{ q: 'tools', cell: 'mail', n: 1 }
			],
			'tools'
		);
		await expectRight((rows) => {
			expect(figure(rows, 'tools', '', '*')?.rows).toBe('2');
			expect(figure(rows, 'tools', '', 'n:0')).toBeUndefined();
		});
		// Changed in place.
		await d
			.update(surveyAnswer)
			.set({ number: 33 })
			.where(
				and(eq(surveyAnswer.responseId, responses[1]!), eq(surveyAnswer.questionKey, 'staff'))
			);
		await d
			.update(surveyAnswer)
			.set({ text: 'no' })
			.where(and(eq(surveyAnswer.questionKey, 'charter'), eq(surveyAnswer.cell, 'one')));
		await expectRight((rows) => {
			expect(figure(rows, 'staff', '', '')).toMatchObject({ rows: '2', sum: '45' });
			expect(figure(rows, 'charter', 'one', 't:no')?.rows).toBe('1');
		});
		// One of several rows deleted: still answered; the last one: not.
		await d
			.delete(surveyAnswer)
			.where(
				and(
					eq(surveyAnswer.responseId, responses[1]!),
					eq(surveyAnswer.questionKey, 'tools'),
					eq(surveyAnswer.cell, 'web')
				)
			);
		await expectRight((rows) => expect(figure(rows, 'tools', '', '*')?.rows).toBe('2'));
		await d
			.delete(surveyAnswer)
			.where(
				and(eq(surveyAnswer.responseId, responses[1]!), eq(surveyAnswer.questionKey, 'tools'))
			);
		await expectRight((rows) => expect(figure(rows, 'tools', '', '*')?.rows).toBe('1'));
		// Rows of several responses, some submitted, in one statement.
		await d
			.update(surveyAnswer)
			.set({ number: sql`${surveyAnswer.number} + 1` })
			.where(eq(surveyAnswer.questionKey, 'staff'));
		await expectRight();
	});

	it('follows many responses submitted and reopened in one statement', async () => {
		await answer(3, [{ q: 'mood', n: 5 }], 'mood');
		await d
			.update(surveyResponse)
			.set({
				status: sql`(case when ${surveyResponse.status} = 'submitted' then 'in_progress' else 'submitted' end)::survey_response_status`
			})
			.where(eq(surveyResponse.campaignId, campaignId));
		await expectRight((rows) => {
			expect(figure(rows, 'staff', '', '')).toMatchObject({ rows: '1', sum: '61' });
			expect(figure(rows, 'mood', '', '*')?.rows).toBe('1');
		});
		await setStatus([0, 1, 2, 3], 'submitted');
		await expectRight((rows) => expect(figure(rows, 'mood', '', '*')?.rows).toBe('3'));
	});

	it('takes a deleted response away, then a deleted campaign', async () => {
		await d.delete(surveyResponse).where(eq(surveyResponse.id, responses[0]!));
		await expectRight((rows) => {
			expect(figure(rows, 'lead', '', 't:office')?.rows).toBe('1');
			expect(figure(rows, 'charter', '', '*')).toBeUndefined();
		});
		await d.delete(campaign).where(eq(campaign.id, campaignId));
		await expectRight((rows) => expect(rows).toEqual([]));
	});
});
