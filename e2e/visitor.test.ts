// A visitor without an account reads the toolkits, a benchmark and its key factors, the
// Charter and the cities, on a phone, without JavaScript.
import { describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { clickAndWait } from './support/browser.ts';
import { benchmark, cities, cityName } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { ToolkitsPage } from './pages/ToolkitsPage.ts';
import { BenchmarkPage, KeyFactorPage } from './pages/BenchmarkPage.ts';
import { CharterPage } from './pages/CharterPage.ts';
import { CitiesPage, CityPage } from './pages/CitiesPage.ts';

const { context } = useBrowser();

describe('a visitor without an account', () => {
	test('finds the toolkits from the home page, opens the benchmark and a key factor', async () => {
		const page = await (await context()).newPage();
		const home = new BasePage(page);
		expect(await home.open('/')).toBe(200);
		expect(await home.heading()).toBe(en('home_heading'));
		expect(await home.headerLinks()).toEqual([
			{ text: en('nav_toolkits'), href: '/toolkits' },
			{ text: en('nav_practices'), href: '/practices' },
			{ text: en('nav_charter'), href: '/charter' },
			{ text: en('nav_cities'), href: '/cities' },
			{ text: en('nav_sign_in'), href: '/sign-in' }
		]);

		await clickAndWait(page, page.locator('.site-header nav a[href="/toolkits"]'));
		const toolkits = new ToolkitsPage(page);
		expect(toolkits.path).toBe('/toolkits');
		expect(await toolkits.heading()).toBe(en('toolkits_title'));
		const link = (await toolkits.benchmarkLinks()).find(
			(l) => l.href === `/toolkits/${benchmark.slug}`
		);
		expect(link, 'the toolkits page links to the benchmark').toBeDefined();

		await clickAndWait(page, page.locator(`main a[href="/toolkits/${benchmark.slug}"]`).first());
		const bench = new BenchmarkPage(page);
		expect(bench.path).toBe(`/toolkits/${benchmark.slug}`);
		expect(await bench.heading()).toBe(benchmark.title);
		expect(await bench.title()).toBe(title(benchmark.title));
		expect((await bench.standard()).trim()).toBe(benchmark.standard.trim());
		// English pages do not say that the content is in English only.
		expect(await bench.contentLanguageNote()).toBeNull();

		const keyFactors = await bench.keyFactors();
		expect(keyFactors).toHaveLength(11);
		expect(keyFactors).toEqual(
			benchmark.keyFactors.map((kf) => ({
				text: kf.title,
				href: `/toolkits/${benchmark.slug}/${kf.slug}`
			}))
		);

		// The first key factor that has an example from Lublin.
		const kf = benchmark.keyFactors.find((k) => k.examples.some((e) => e.citySlug === 'lublin'))!;
		await clickAndWait(page, page.locator(`main a[href="/toolkits/${benchmark.slug}/${kf.slug}"]`));
		const keyFactor = new KeyFactorPage(page);
		expect(keyFactor.path).toBe(`/toolkits/${benchmark.slug}/${kf.slug}`);
		expect(await keyFactor.heading()).toBe(kf.title);
		expect(await keyFactor.mainText()).toContain(
			en('key_factor_position', { number: kf.number, count: 11 })
		);

		const questions = await keyFactor.guideQuestions();
		expect(questions).toHaveLength(kf.guideQuestions.length);
		expect(questions.every((q) => q.trim().length > 0)).toBe(true);

		const examples = await keyFactor.examples();
		expect(examples).toEqual(
			kf.examples.map((e) => ({
				city: { text: cityName(e.citySlug), href: `/cities/${e.citySlug}` },
				title: e.title
			}))
		);

		// The pager leads on to the next key factor.
		const next = benchmark.keyFactors[kf.number]!;
		expect(await keyFactor.pager()).toContainEqual({
			text: `${en('pager_next')}\n${next.number}. ${next.title}`,
			href: `/toolkits/${benchmark.slug}/${next.slug}`
		});

		// The city of an example is a link to the city's page.
		await clickAndWait(page, page.locator('main section.example h3 a[href="/cities/lublin"]'));
		const city = new CityPage(page);
		expect(city.path).toBe('/cities/lublin');
		expect(await city.heading()).toBe('Lublin');
	});

	test('opens every key factor, each with guide questions', async () => {
		const page = await (await context()).newPage();
		const keyFactor = new KeyFactorPage(page);
		for (const kf of benchmark.keyFactors) {
			expect(await keyFactor.gotoKeyFactor(benchmark.slug, kf.slug), kf.slug).toBe(200);
			expect(await keyFactor.heading()).toBe(kf.title);
			expect(await keyFactor.guideQuestions()).toHaveLength(kf.guideQuestions.length);
			expect(await keyFactor.examples()).toHaveLength(kf.examples.length);
		}
		expect(await keyFactor.open(`/toolkits/${benchmark.slug}/no-such-factor`)).toBe(404);
		expect(await keyFactor.heading()).toBe(en('error_not_found_title'));
	});

	test('reads the Charter: 4 roles, 11 commitments, and its signatories', async () => {
		const page = await (await context()).newPage();
		const charter = new CharterPage(page);
		expect(await charter.goto()).toBe(200);
		expect(await charter.heading()).toBe('EUROCITIES Charter on Integrating Cities');

		const roles = await charter.roles();
		expect(roles).toHaveLength(4);
		expect(roles.flatMap((r) => r.commitments)).toHaveLength(11);
		expect(roles.every((r) => r.lead.length > 0 && r.commitments.length > 0)).toBe(true);

		const signatories = await charter.signatories();
		expect(signatories).toContain('Thessaloniki');
		expect(signatories).toContain('Turin');

		await clickAndWait(page, page.locator('main table a', { hasText: 'Turin' }));
		expect(charter.path).toBe('/cities/turin');
		expect(await charter.heading()).toBe('Turin');
	});

	test('browses the cities and opens Lublin', async () => {
		const page = await (await context()).newPage();
		const list = new CitiesPage(page);
		expect(await list.goto()).toBe(200);
		expect(await list.heading()).toBe(en('cities_title'));
		const links = await list.cities();
		// Every seeded city (other journeys may have added more).
		for (const city of cities) {
			expect(links).toContainEqual({ text: city.name, href: `/cities/${city.slug}` });
		}
		expect(links).toContainEqual({ text: 'Lublin', href: '/cities/lublin' });
		expect(links).toContainEqual({ text: 'Tampere', href: '/cities/tampere' });

		await clickAndWait(page, page.locator('main a[href="/cities/lublin"]'));
		const city = new CityPage(page);
		expect(city.path).toBe('/cities/lublin');
		expect(await city.heading()).toBe('Lublin');
		expect(await page.locator('main .lead').innerText()).toBe('Poland');
		expect(await city.title()).toBe(title('Lublin'));

		// Its practices in the library, from the seeds, link to their pages.
		const practices = await city.practices();
		expect(practices.map((p) => p.href)).toContain('/practices/lublin-for-all-campaign');
		expect(practices.map((p) => p.href)).toContain('/practices/tampere-mentoring-lublin');

		// Lublin's examples in the toolkits link back to their key factors.
		const lublinExamples = benchmark.keyFactors.flatMap((kf) =>
			kf.examples
				.filter((e) => e.citySlug === 'lublin')
				.map((e) => ({ text: e.title, href: `/toolkits/${benchmark.slug}/${kf.slug}#examples` }))
		);
		expect(lublinExamples.length).toBeGreaterThan(0);
		expect(await city.examples()).toEqual(lublinExamples);

		expect(await city.goto('atlantis')).toBe(404);
		expect(await city.heading()).toBe(en('error_not_found_title'));
	});
});
