// Evidence files on a key factor's page, without JavaScript: the Lublin coordinator attaches a
// PDF (it is listed and downloads as a PDF), is told clearly when a file is not what its name
// says, keeps what was typed meanwhile, and removes the file. Another city gets a 404.
import { beforeAll, describe, expect, test } from 'vitest';
import { en } from './support/messages.ts';
import { openAssessment } from './support/assessments.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { benchmark, unique } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { KeyFactorPage } from './pages/AssessmentPages.ts';
import { minimalPdf } from '../src/lib/server/testing/files.ts';

const { signedIn } = useBrowser();

let lublinId = '';

beforeAll(async () => {
	const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
	lublinId = await new BasePage(page).cityIdFromHeader('Lublin');
});

const keyFactor = benchmark.keyFactors[0]!;

describe('evidence attachments', () => {
	test('a coordinator attaches a PDF, downloads it, is told about a fake one, and removes it', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const id = await openAssessment(page, lublinId);
		const kf = new KeyFactorPage(page);
		await kf.goto(lublinId, id, keyFactor.slug);
		const [q1] = await kf.questionIds();
		expect(await page.locator(`main label[for="attachment-${q1}"]`).innerText()).toBe(
			en('attachment_label')
		);

		// A real PDF, with an answer typed at the same time: both saved, back on the same page.
		const name = `Welcome plan ${unique()}.pdf`;
		await kf.answer(q1!, { evidence: 'The plan is attached.' });
		await kf.chooseFile(q1!, {
			name,
			mimeType: 'application/pdf',
			buffer: Buffer.from(minimalPdf())
		});
		await kf.attach(q1!);
		expect(kf.path).toBe(
			`/workspace/${lublinId}/assessments/${id}/key-factors/${keyFactor.slug}?attached=1`
		);
		expect(await kf.notice()).toBe(en('attachment_attached'));
		expect(await kf.fieldValue(`evidence-${q1}`)).toBe('The plan is attached.');
		const [listed] = (await kf.attachments(q1!)).filter((a) => a.text === name);
		expect(listed?.href).toMatch(
			new RegExp(`^/workspace/${lublinId}/assessments/${id}/attachments/[0-9a-f-]{36}$`)
		);

		// It downloads as what it is, under its name, never sniffed or cached.
		const response = await page.request.get(listed!.href);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toBe(
			`attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`
		);
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		expect(response.headers()['cache-control']).toBe('private, no-store');
		expect(new Uint8Array(await response.body())).toEqual(minimalPdf());

		// A program renamed .pdf: explained next to the file input, what was typed kept.
		const exe = Buffer.alloc(512);
		exe.write('MZ', 0, 'latin1');
		await kf.answer(q1!, { evidence: 'Typed while attaching a fake PDF.' });
		await kf.chooseFile(q1!, { name: 'report.pdf', mimeType: 'application/pdf', buffer: exe });
		await kf.attach(q1!);
		expect(await kf.title()).toMatch(/^Error: /);
		expect(await kf.errorSummaryItems()).toEqual([
			{ text: en('attachment_type'), href: `#attachment-${q1}` }
		]);
		expect(await kf.fieldError(`attachment-${q1}`)).toBe(en('attachment_type'));
		expect(await kf.fieldValue(`evidence-${q1}`)).toBe('Typed while attaching a fake PDF.');
		expect((await kf.attachments(q1!)).map((a) => a.text)).not.toContain('report.pdf');

		// Another city's coordinator: not found.
		const tampere = await signedIn(demo.coordinatorTampere, demoPassword);
		expect((await tampere.page.request.get(listed!.href)).status()).toBe(404);

		// Removed: gone from the list, and from the address.
		await kf.goto(lublinId, id, keyFactor.slug);
		await kf.removeAttachment(q1!, name);
		expect(await kf.notice()).toBe(en('attachment_removed'));
		expect((await kf.attachments(q1!)).map((a) => a.text)).not.toContain(name);
		expect((await page.request.get(listed!.href)).status()).toBe(404);
	});
});
