// Survey results as the public and the network's secretariat find them: a visitor opens
// /surveys and the 2015 refugee reception results with the seven cities' figures (unknown
// stays unknown, never 0); the admin downloads the answers as CSV and Excel by clicking, and
// opens the printable report.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { en } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { AdminResultsPage, CampaignResultsPage, SurveysPage } from './pages/ResultsPages.ts';

const { context, signedIn } = useBrowser();
const SURVEY = 'Refugee reception and integration in cities';
const SLUG = 'refugee-reception-2015';
const unknown = en('results_unknown');

describe('survey results', () => {
	test('a visitor reads the 2015 refugee reception figures', async () => {
		const page = await (await context()).newPage();
		const list = new SurveysPage(page);
		expect(await list.goto()).toBe(200);
		expect(await list.campaigns()).toContainEqual([
			SURVEY,
			'2015',
			en('results_rate_text', { submitted: '7', targets: '7', rate: '100%' })
		]);
		await list.openCampaign(SURVEY);
		const results = new CampaignResultsPage(page);
		expect(results.path).toBe(`/surveys/${SLUG}`);
		expect(await results.heading()).toBe(
			en('results_page_title', { survey: SURVEY, edition: '2015' })
		);
		expect(await results.note()).toContain('34 cities in 17 EU member states and Norway');
		expect(await results.byCity()).toEqual({
			Athens: [unknown, '500,000'],
			Berlin: ['50,000', unknown],
			Helsinki: ['3,055', '10,000'],
			Malmö: ['3,455', unknown],
			Munich: ['25,000', '80,000'],
			Oslo: ['1,400', '20,000'],
			Vienna: ['40,000', '250,000']
		});
		// Count, sum, mean, median, minimum, maximum of each cell: unknown cells not counted.
		expect(await results.figures()).toEqual({
			'2015 – Arrivals': ['6', '122,910', '20,485', '14,227.5', '1,400', '50,000'],
			'2015 – Transit': ['5', '860,000', '172,000', '80,000', '10,000', '500,000']
		});
		expect(await results.charts()).toContain(
			en('results_chart_by_city', {
				question:
					'How many refugees arrived in your city, and how many passed through it in transit?: 2015 – Arrivals'
			})
		);
	});

	test('the secretariat downloads the answers and prints the report', async () => {
		const { page } = await signedIn(demo.admin, demoPassword);
		const results = new AdminResultsPage(page);
		expect(await results.gotoAdmin(SLUG)).toBe(200);

		const csv = await results.download(en('results_download_csv'));
		expect(csv.suggestedFilename()).toBe(`${SLUG}-results.csv`);
		const lines = readFileSync((await csv.path())!, 'utf8')
			.replace(/^\uFEFF/, '')
			.split('\r\n');
		expect(lines[0]).toBe(
			'"city","country","section","question_key","question","cell","row","column","number","text","unit"'
		);
		expect(lines).toContain(
			'"Athens","GR","Arrivals in 2015","arrivals-transit","How many refugees arrived in your city, and how many passed through it in transit?","2015/transit","2015","Transit","500000","","people"'
		);
		expect(lines.filter((l) => l.startsWith('"Athens"'))).toHaveLength(1);

		const xlsx = await results.download(en('results_download_xlsx'));
		expect(xlsx.suggestedFilename()).toBe(`${SLUG}-results.xlsx`);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile((await xlsx.path())!);
		const sheet = workbook.worksheets[0]!;
		// The header and one row per known cell: 11 of the 14.
		expect(sheet.rowCount).toBe(12);
		const berlin = sheet.getRow(3);
		expect([berlin.getCell(1).value, berlin.getCell(6).value, berlin.getCell(9).value]).toEqual([
			'Berlin',
			'2015/arrivals',
			50000
		]);

		await results.openReport(en('results_report_link'));
		expect(results.path).toBe(`/admin/campaigns/${SLUG}/report`);
		expect(await results.heading()).toBe(
			en('results_report_title', { survey: SURVEY, edition: '2015' })
		);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.site-header').isVisible()).toBe(false);
		expect(await results.byCity()).toMatchObject({ Athens: [unknown, '500,000'] });
	});
});
