// Lublin's coordinator records a new population with its year and source: explained when the
// input is wrong (what was typed kept), then current on the city's public page, the older value
// kept in the history. No JavaScript needed.
import { describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { BasePage } from './pages/BasePage.ts';
import { FactsPage } from './pages/FactsPage.ts';
import { CityPage } from './pages/CitiesPage.ts';

const { context, signedIn } = useBrowser();

describe("a city's figures", () => {
	test('the coordinator records a new population and everyone sees it', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const lublinId = await new BasePage(page).cityIdFromHeader('Lublin');

		// The workspace links to the page.
		await page.goto(`/workspace/${lublinId}`);
		await page.locator(`main a[href="/workspace/${lublinId}/facts"]`).click();
		const facts = new FactsPage(page);
		await page.waitForURL(`**/workspace/${lublinId}/facts`);
		expect(await facts.heading()).toBe(en('facts_heading', { city: 'Lublin' }));
		expect((await facts.current())[en('facts_figure_population')]).toContain('347,678');

		// Wrong input: each problem explained next to its field, what was typed kept.
		await facts.record({ figure: 'population', value: '0', year: '1850', source: '' });
		expect(await facts.title()).toBe(title(en('error_title_prefix', { title: en('facts_title') })));
		const problems = await facts.errorSummaryItems();
		expect(problems.map((p) => p.href)).toEqual(['#value', '#year', '#source']);
		expect(await facts.fieldError('value')).toBe(en('error_fact_population_range'));
		expect(await facts.fieldError('year')).toBe(en('error_fact_year_invalid'));
		expect(await facts.fieldError('source')).toBe(en('error_fact_source_required'));
		expect(await facts.fieldError('figure')).toBeNull();
		expect(await facts.checkedFigure()).toBe('population');
		expect(await facts.fieldValue('value')).toBe('0');
		expect(await facts.fieldValue('year')).toBe('1850');

		await facts.record({ figure: 'migrant_background_share', value: '23.45', year: '2023' });
		expect(await facts.fieldError('value')).toBe(en('error_fact_share_range'));
		expect(await facts.fieldValue('value')).toBe('23.45');

		// A good value.
		const source = 'Statistics Poland, Local Data Bank, population on 31 December 2023';
		await facts.record({ figure: 'population', value: '339 784', year: '2023', source });
		expect(facts.path).toBe(`/workspace/${lublinId}/facts?recorded=population`);
		expect(await facts.notice()).toBe(en('facts_recorded'));
		expect(await facts.errorSummary().count()).toBe(0);
		const current = (await facts.current())[en('facts_figure_population')]!;
		expect(current).toContain('339,784');
		expect(current).toContain('2023');
		expect(current).toContain(source);
		const history = (await facts.history()).filter(
			(row) => row[0] === en('facts_figure_population')
		);
		expect(history.map((row) => row.slice(1, 3))).toEqual([
			[`339,784 ${en('facts_current_marker')}`, '2023'],
			['347,678', en('facts_year_unknown')]
		]);
		expect(history[0]![3]).toBe(source);

		// The public page, for anyone.
		const visitor = await (await context()).newPage();
		const city = new CityPage(visitor);
		expect(await city.goto('lublin')).toBe(200);
		const shown = (await city.facts())[en('facts_figure_population')]!;
		expect(shown).toContain('339,784');
		expect(shown).toContain(en('city_fact_year', { year: '2023' }));
		expect(shown).toContain(source);
		expect((await city.facts())[en('facts_figure_foreign_nationals_share')]).toBe(
			en('city_unknown')
		);
	});

	test('a contributor has no such page; Düsseldorf shows its figures and similar cities', async () => {
		const { page } = await signedIn(demo.contributorLublin, demoPassword);
		const lublinId = await new BasePage(page).cityIdFromHeader('Lublin');
		const facts = new FactsPage(page);
		expect(await facts.goto(lublinId)).toBe(404);

		const city = new CityPage(await (await context()).newPage());
		expect(await city.goto('dusseldorf')).toBe(200);
		const figure = (await city.facts())[en('facts_figure_migrant_background_share')];
		expect(figure).toContain('42 %');
		// From the seeds: the reader is told the network's documents, not a file name.
		expect(figure).toContain(en('facts_source_documents'));
		expect(figure).not.toMatch(/\.txt/);
		const similar = await city.similar();
		expect(similar.length).toBeGreaterThan(0);
		expect(similar.length).toBeLessThanOrEqual(5);
		for (const s of similar) expect(s.why).toContain(en('city_similar_country'));
	});
});
