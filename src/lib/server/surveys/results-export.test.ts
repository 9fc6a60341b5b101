// The downloads of a campaign's answers: the CSV's rows (formulas defused), its stream coming
// in batches rather than in one piece, and the XLSX read back with the library that wrote it.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { db } from '../db/index.ts';
import type { Actor } from '../access/index.ts';
import * as surveyQueries from './queries.ts';
import * as downloads from './results-export.ts';
import { EXPORT_BATCH } from './results-export-rows.ts';

const CITIES = EXPORT_BATCH * 2 + 37;

async function readAll(response: Response) {
	const reader = response.body!.getReader();
	const chunks: string[] = [];
	const decoder = new TextDecoder();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(decoder.decode(value, { stream: true }));
	}
	return chunks;
}

/** Parses our CSV (every cell quoted, CRLF rows). */
function parseCsv(text: string): string[][] {
	return text
		.replace(/^\uFEFF/, '')
		.split('\r\n')
		.filter(Boolean)
		.map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}

describe.each(engines())('survey result downloads on %s', (engine) => {
	useTestDatabase(engine, { demo: true });
	let admin: Actor;

	beforeAll(async () => {
		admin = await actorByEmail('admin@example.org');
		const d = await db();
		const s = await surveyQueries.insertSurvey(d, { slug: 'export', title: { en: 'Export' } });
		const v = await surveyQueries.insertVersion(d, {
			surveyId: s.id,
			number: 1,
			status: 'published',
			definition: {
				sections: [
					{
						key: 'one',
						title: { en: 'One' },
						questions: [
							{ key: 'staff', type: 'number', label: { en: 'Staff' }, required: false },
							{ key: 'motto', type: 'text', label: { en: 'Motto' }, required: false }
						]
					}
				]
			}
		});
		const c = await surveyQueries.insertCampaign(d, {
			slug: 'export-2026',
			surveyId: s.id,
			versionId: v.id,
			edition: '2026',
			target: 'chosen',
			status: 'closed'
		});
		// Many cities, set-based: more than two batches of the export.
		await d.execute(sql`insert into city (network_id, slug, name, country)
			select (select id from network limit 1), 'export-city-' || g, 'Export City ' || lpad(g::text, 4, '0'), 'PL'
			from generate_series(1, ${CITIES}::int) g`);
		await d.execute(sql`insert into survey_response (campaign_id, city_id, status)
			select ${c.id}, id, (case when slug = 'export-city-1' then 'in_progress' else 'submitted' end)::survey_response_status
			from city where slug like 'export-city-%'`);
		await d.execute(sql`insert into survey_answer (response_id, campaign_id, question_key, cell, number, text)
			select r.id, r.campaign_id, 'staff', '', substr(ci.slug, 13)::int, null
			from survey_response r join city ci on ci.id = r.city_id where r.campaign_id = ${c.id}
			union all
			select r.id, r.campaign_id, 'motto', '', null, '=HYPERLINK("http://evil")'
			from survey_response r join city ci on ci.id = r.city_id
			where r.campaign_id = ${c.id} and ci.slug = 'export-city-2'`);
	});

	it('streams the CSV in batches, one row per city and question, formulas defused', async () => {
		const response = await downloads.csvDownload(admin, 'export-2026', 'en');
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="export-2026-results.csv"'
		);
		const chunks = await readAll(response);
		// The header alone first, then one chunk per batch of cities: never the whole file at once.
		expect(chunks.length).toBe(1 + Math.ceil((CITIES - 1) / EXPORT_BATCH));
		expect(parseCsv(chunks[0]!)).toEqual([
			[
				'city',
				'country',
				'section',
				'question_key',
				'question',
				'cell',
				'row',
				'column',
				'number',
				'text',
				'unit'
			]
		]);
		const rows = parseCsv(chunks.join('')).slice(1);
		expect(rows.length).toBe(CITIES - 1 + 1);
		// The city in progress is not exported.
		expect(rows.some((r) => r[0] === 'Export City 0001')).toBe(false);
		expect(rows[0]).toEqual([
			'Export City 0002',
			'PL',
			'One',
			'staff',
			'Staff',
			'',
			'',
			'',
			'2',
			'',
			''
		]);
		expect(rows[1]![9]).toBe(`'=HYPERLINK("http://evil")`);
	});

	it('writes the XLSX that exceljs reads back, numbers as numbers', async () => {
		const response = await downloads.xlsxDownload(admin, 'export-2026', 'en');
		expect(response.body).toBeInstanceOf(ReadableStream);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(await response.arrayBuffer());
		const sheet = workbook.worksheets[0]!;
		expect(sheet.rowCount).toBe(1 + CITIES);
		expect(sheet.getRow(1).getCell(1).value).toBe('city');
		expect(sheet.getRow(2).getCell(1).value).toBe('Export City 0002');
		expect(sheet.getRow(2).getCell(9).value).toBe(2);
		// A text starting with = stays a text: no formula in the workbook.
		expect(sheet.getRow(3).getCell(10).value).toBe('=HYPERLINK("http://evil")');
		expect(sheet.getRow(3).getCell(10).formula).toBeUndefined();
	});

	it('lets only network admins download', async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		await expect(downloads.csvDownload(coordinator, 'export-2026', 'en')).rejects.toMatchObject({
			status: 403
		});
		await expect(downloads.xlsxDownload(null, 'export-2026', 'en')).rejects.toMatchObject({
			status: 401
		});
	});
});
