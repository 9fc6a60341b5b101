// The footer's language switcher works without JavaScript: Arabic is right to left, French
// left to right, the choice stays from page to page, and content that exists only in English
// says so.
import { describe, expect, test } from 'vitest';
import { en } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { clickAndWait } from './support/browser.ts';
import { benchmark } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { BenchmarkPage } from './pages/BenchmarkPage.ts';

const { context } = useBrowser();

const arabicLetters = /[\u0600-\u06FF]/;

describe('languages', () => {
	test('a visitor switches to Arabic and back to English with the footer switcher', async () => {
		const page = new BasePage(await (await context()).newPage());
		await page.open('/charter');
		expect(await page.html()).toEqual({ lang: 'en', dir: 'ltr' });
		const english = await page.headerLinks();

		await page.switchLanguage('ar');
		// It comes back to the same page.
		expect(page.path).toBe('/charter');
		expect(await page.html()).toEqual({ lang: 'ar', dir: 'rtl' });
		const arabic = await page.headerLinks();
		expect(arabic.map((l) => l.href)).toEqual(english.map((l) => l.href));
		for (const link of arabic) {
			expect(link.text, `header link to ${link.href} in Arabic`).toMatch(arabicLetters);
		}
		// The switcher names each language in its own language.
		const options = await page.page
			.locator('#language-select option')
			.evaluateAll((os) => os.map((o) => [o.getAttribute('value'), o.textContent?.trim()]));
		expect(options).toContainEqual(['ar', 'العربية']);
		expect(options).toContainEqual(['en', 'English']);
		expect(await page.page.locator('#language-select').inputValue()).toBe('ar');

		// The choice stays on other pages.
		await page.open('/cities');
		expect(await page.html()).toEqual({ lang: 'ar', dir: 'rtl' });

		await page.switchLanguage('en');
		expect(page.path).toBe('/cities');
		expect(await page.html()).toEqual({ lang: 'en', dir: 'ltr' });
		expect(await page.headerLinks()).toEqual(english);
	});

	test('in French, the benchmark says that it is available in English only', async () => {
		const bench = new BenchmarkPage(await (await context()).newPage());
		await bench.goto(benchmark.slug);
		expect(await bench.contentLanguageNote()).toBeNull();

		await bench.switchLanguage('fr');
		expect(bench.path).toBe(`/toolkits/${benchmark.slug}`);
		expect(await bench.html()).toEqual({ lang: 'fr', dir: 'ltr' });
		const note = await bench.contentLanguageNote();
		expect(note).not.toBeNull();
		expect(note).not.toBe(en('content_language_note'));
		// The content itself is marked as English, for screen readers and translators.
		expect(await bench.page.locator('main h1').getAttribute('lang')).toBe('en');
		expect(await bench.heading()).toBe(benchmark.title);
		expect(await bench.keyFactors()).toHaveLength(11);

		await bench.switchLanguage('ar');
		expect(await bench.html()).toEqual({ lang: 'ar', dir: 'rtl' });
		expect(await bench.contentLanguageNote()).toMatch(arabicLetters);
	});

	test('a language that does not exist changes nothing', async () => {
		const ctx = await context();
		const page = new BasePage(await ctx.newPage());
		await page.open('/toolkits');
		await page.page
			.locator('#language-select option[value="fr"]')
			.evaluate((o) => o.setAttribute('value', 'xx'));
		await page.page.locator('#language-select').selectOption('xx');
		await clickAndWait(page.page, page.page.locator('form.language-switcher button'));
		expect(page.path).toBe('/toolkits');
		expect(await page.html()).toEqual({ lang: 'en', dir: 'ltr' });
	});
});
