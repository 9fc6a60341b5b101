import { BasePage, links, type Link } from './BasePage.ts';

/** /toolkits/{benchmark}: the standard and its key factors. */
export class BenchmarkPage extends BasePage {
	async goto(slug: string) {
		return this.open(`/toolkits/${slug}`);
	}

	standard(): Promise<string> {
		return this.page.locator('main .standard').first().innerText();
	}

	keyFactors(): Promise<Link[]> {
		return links(this.page.locator('main ol.key-factors > li > a'));
	}

	/** The note that the content is in English only (shown in other languages). */
	async contentLanguageNote(): Promise<string | null> {
		const note = this.page.locator('main .content-language');
		return (await note.count()) > 0 ? (await note.first().innerText()).trim() : null;
	}
}

export interface Example {
	city: Link;
	title: string;
}

/** /toolkits/{benchmark}/{keyFactor}: guide questions and examples from cities. */
export class KeyFactorPage extends BenchmarkPage {
	async gotoKeyFactor(benchmark: string, keyFactor: string) {
		return this.open(`/toolkits/${benchmark}/${keyFactor}`);
	}

	guideQuestions(): Promise<string[]> {
		return this.page.locator('main ol.questions > li').allInnerTexts();
	}

	examples(): Promise<Example[]> {
		return this.page.locator('main section.example h3').evaluateAll((headings) =>
			headings.map((h) => {
				const a = h.querySelector('a');
				return {
					city: { text: a?.innerText.trim() ?? '', href: a?.getAttribute('href') ?? '' },
					title: h.querySelector('span')?.textContent?.trim() ?? ''
				};
			})
		);
	}

	pager(): Promise<Link[]> {
		return links(this.page.locator('main nav.pager a'));
	}
}
