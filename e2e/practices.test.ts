// The practice library, without JavaScript: a contributor drafts, the coordinator submits,
// the network admin returns it with a comment, the contributor fixes it, the coordinator
// resubmits, the admin publishes, and the public page shows it (Markdown safe).
import { describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { unique } from './support/content.ts';
import { AdminCitiesPage } from './pages/AdminPages.ts';
import {
	PracticeFormPage,
	PracticeLibraryPage,
	PracticeReviewPages,
	WorkspacePracticePage,
	WorkspacePracticesPage
} from './pages/PracticePages.ts';

const { context, signedIn } = useBrowser();

describe('a practice from draft to the public library', () => {
	test('drafted, submitted, returned, fixed, resubmitted, published', async () => {
		const admin = await signedIn(demo.admin, demoPassword);
		const cities = new AdminCitiesPage(admin.page);
		await cities.goto();
		const lublin = await cities.cityId('lublin');

		// The contributor drafts, after an empty try that is explained.
		const contributor = await signedIn(demo.contributorLublin, demoPassword);
		const form = new PracticeFormPage(contributor.page);
		expect(await form.gotoNew(lublin)).toBe(200);
		await form.save({ description: 'Kept *as typed*', links: 'ftp://example.org' });
		expect(await form.title()).toBe(title(en('error_title_prefix', { title: en('practice_new') })));
		expect((await form.errorSummaryItems()).map((i) => i.href)).toEqual([
			'#title',
			'#summary',
			'#links'
		]);
		expect(await form.fieldError('links')).toBe(en('error_practice_links_invalid'));
		expect(await form.fieldValue('description')).toBe('Kept *as typed*');

		const name = `Language cafés ${unique()}`;
		await form.save({
			title: name,
			summary: 'Neighbours meet newcomers <script>alert(1)</script> every week.',
			description:
				'## How it works\n\nVolunteers host **weekly** tables.\n\n- in libraries\n- in schools\n\n<img src=x onerror=alert(1)> [bad](javascript:alert(1)) [good](https://example.org/cafes)',
			links: 'https://example.org/cafes',
			keyFactors: ['enhancing-public-perception/public-commitment']
		});
		const practice = new WorkspacePracticePage(contributor.page);
		expect(await practice.heading()).toBe(name);
		expect(await practice.notice()).toBe(en('practice_saved'));
		expect(await practice.status()).toBe(en('practice_status_draft'));
		// A contributor cannot submit.
		expect(await practice.submitButton().count()).toBe(0);
		const id = practice.practiceId;

		// Not public, however the address is guessed.
		const anonymous = new PracticeLibraryPage(await (await context()).newPage());
		const slug = name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
		expect(await anonymous.gotoPractice(slug)).toBe(404);
		const list = new WorkspacePracticesPage(contributor.page);
		await list.goto(lublin);
		expect(await list.rows()).toContainEqual({
			title: name,
			status: en('practice_status_draft'),
			href: `/workspace/${lublin}/practices/${id}`
		});

		// The coordinator submits.
		const coordinator = await signedIn(demo.coordinatorLublin, demoPassword);
		const theirs = new WorkspacePracticePage(coordinator.page);
		await theirs.goto(lublin, id);
		await theirs.submit();
		expect(await theirs.status()).toBe(en('practice_status_submitted'));

		// Tampere's coordinator does not find it.
		const tampere = await signedIn(demo.coordinatorTampere, demoPassword);
		expect(await new WorkspacePracticePage(tampere.page).goto(lublin, id)).toBe(404);

		// The admin returns it, first forgetting the comment.
		const review = new PracticeReviewPages(admin.page);
		await review.gotoQueue();
		await review.openFromQueue(name);
		await review.decide('return');
		expect(await review.fieldError('comment')).toBe(en('error_practice_comment_required'));
		expect(await review.title()).toMatch(/^Error: /);
		await review.decide('return', 'Please add figures to the results.');
		expect(await review.notice()).toBe(en('admin_practice_done'));

		// The contributor sees the comment, all the text kept, and fixes it.
		await practice.goto(lublin, id);
		expect(await practice.status()).toBe(en('practice_status_returned'));
		expect(await practice.reviewComment()).toContain('Please add figures to the results.');
		await practice.edit();
		expect(await form.reviewComment()).toContain('Please add figures to the results.');
		expect(await form.fieldValue('title')).toBe(name);
		expect(await form.fieldValue('links')).toBe('https://example.org/cafes');
		await form.save({ results: '40 tables, 1,200 visits a year.' });
		expect(await practice.versions()).toHaveLength(2);

		// The coordinator resubmits; the admin publishes.
		await theirs.goto(lublin, id);
		await theirs.submit();
		await review.gotoQueue();
		await review.openFromQueue(name);
		await review.decide('publish');

		await practice.goto(lublin, id);
		expect(await practice.status()).toBe(en('practice_status_published'));
		const href = await practice.publicLink();
		expect(href).toBe(`/practices/${slug}`);

		// The public page shows it, Markdown rendered and nothing run.
		expect(await anonymous.open(href!)).toBe(200);
		expect(await anonymous.heading()).toBe(name);
		const text = await anonymous.mainText();
		expect(text).toContain('40 tables, 1,200 visits a year.');
		expect(text).toContain('<script>alert(1)</script>');
		expect(text).toContain('<img src=x onerror=alert(1)>');
		expect(await anonymous.countInDescription('strong')).toBe(1);
		expect(await anonymous.countInDescription('li')).toBe(2);
		expect(await anonymous.countInDescription('img')).toBe(0);
		const found = await anonymous.practiceLinks();
		expect(found).toContainEqual({ text: 'good', href: 'https://example.org/cafes' });
		expect(found.some((l) => l.href.startsWith('javascript'))).toBe(false);
		expect(found).toContainEqual({ text: 'Lublin', href: '/cities/lublin' });
		expect(found).toContainEqual({
			text: 'Public commitment to an inclusive and diverse city',
			href: '/toolkits/enhancing-public-perception/public-commitment'
		});
		await anonymous.goto();
		expect((await anonymous.titles())[0]).toBe(name);
	});

	test('drafts and unknown practices are not found; the seeded ones are public', async () => {
		const page = new PracticeLibraryPage(await (await context()).newPage());
		expect(await page.gotoPractice('no-such-practice')).toBe(404);
		expect(await page.gotoPractice('genoa-diversity-in-heritage-and-history')).toBe(200);
		expect(await page.mainText()).toContain('Diversity is embedded in Genoa');
		expect(await page.goto('-3')).toBe(200);
		await page.search('GENOA heritage');
		expect(await page.titles()).toEqual(["Diversity embedded in Genoa's heritage and history"]);
		expect(page.path).toBe('/practices?q=GENOA+heritage');
	});

	test('searched with facets and their counts, sorted, shared by URL, without JavaScript', async () => {
		const page = new PracticeLibraryPage(await (await context()).newPage());
		await page.goto();
		await page.search('language');
		const found = Number(/: (\d+)$/.exec(await page.resultLine())?.[1]);
		expect(found).toBeGreaterThan(1);
		expect(await page.currentSort()).toBe(en('practices_sort_relevance'));
		// A country's count is what choosing it finds; the choice is in the URL and can go.
		const finland = (await page.facetValues(en('practices_facet_country'))).find((v) =>
			v.startsWith('Finland')
		);
		const count = Number(/\((\d+)\)/.exec(finland ?? '')?.[1]);
		expect(count).toBeGreaterThan(0);
		await page.chooseFacet(en('practices_facet_country'), 'Finland');
		expect(page.path).toBe('/practices?q=language&country=FI');
		expect(await page.resultLine()).toBe(
			en('practices_found', { q: 'language', count: String(count) })
		);
		expect(await page.chosenFilters()).toEqual([
			en('practices_remove_filter', { label: 'Finland' })
		]);
		// A new search keeps the filter; newest first is one link away.
		await page.search('library');
		expect(page.path).toBe('/practices?q=library&country=FI');
		await page.sortBy(en('practices_sort_newest'));
		expect(page.path).toBe('/practices?q=library&country=FI&sort=newest');
		await page.removeFilter('Finland');
		expect(page.path).toBe('/practices?q=library&sort=newest');
		// Words too long: the reason next to the box, what was typed kept, nothing lost.
		await page.search('x'.repeat(201));
		expect(await page.title()).toBe(
			title(en('error_title_prefix', { title: en('practices_title') }))
		);
		expect(await page.fieldError('q')).toBe(en('error_practices_query_long'));
		expect(await page.searchValue()).toBe('x'.repeat(201));
		// A shared link opens the same search.
		expect(await page.open('/practices?q=dusseldorf')).toBe(200);
		expect(await page.titles()).toContain('Office for Migration and Integration');
	});
});
