import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { isHttpError } from '@sveltejs/kit';
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { emptyFilters } from '#lib/practice-search.ts';
import * as practices from './service.ts';
import * as cities from '../cities/service.ts';
import { checkPractice } from './forms.ts';
import { seedContent } from '../content/seed.ts';
import { auditLog } from '../audit/schema.ts';
import { practice, practiceVersion } from './schema.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

function input(overrides: Record<string, string | string[]> = {}) {
	const checked = checkPractice({
		title: 'Welcome desks in every district',
		summary: 'Newcomers find help close to home.',
		description: '## How\n\nA desk in *every* district.',
		keyFactors: ['enhancing-public-perception/public-commitment'],
		links: 'https://example.org/desks',
		...overrides
	});
	if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
	return checked.data;
}

/** The practices content/practices.json seeds. */
const SEEDED = 43;

/** The library's first page, or another, as the public sees it (optionally with words). */
function published(actor: null, page: number, q = '') {
	return practices.search(actor, { q, filters: emptyFilters(), sort: null, page });
}

describe('the practice form', () => {
	it('explains each limit at its field', () => {
		const long = checkPractice({
			title: 'x'.repeat(201),
			summary: 'x'.repeat(601),
			description: 'x'.repeat(20_001),
			audience: 'x'.repeat(2_001),
			links: 'javascript:alert(1)',
			periodFrom: '2020',
			periodTo: '2019'
		});
		expect(long.ok).toBe(false);
		if (long.ok) return;
		expect(long.errors).toEqual({
			title: 'error_practice_title_too_long',
			summary: 'error_practice_summary_too_long',
			description: 'error_practice_description_too_long',
			audience: 'error_practice_text_too_long',
			links: 'error_practice_links_invalid'
		});
		const empty = checkPractice({});
		expect(empty.ok ? {} : empty.errors).toEqual({
			title: 'error_practice_title_required',
			summary: 'error_practice_summary_required'
		});
		const links = Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`).join('\n');
		const many = checkPractice({ title: 't', summary: 's', links });
		expect(many.ok ? {} : many.errors).toEqual({ links: 'error_practice_links_too_many' });
		const order = checkPractice({ title: 't', summary: 's', periodFrom: '2020', periodTo: '2019' });
		expect(order.ok ? {} : order.errors).toEqual({ periodTo: 'error_practice_period_order' });
	});
});

describe.each(engines())('the practice library on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });
	const who = (email: string) => actorByEmail(email);
	const lublinId = async () => (await cities.bySlug(null, 'lublin'))!.id;

	it('loads the seeded practices as published, from the seeds, with their sources', async () => {
		const genoa = await practices.publishedBySlug(null, 'genoa-diversity-in-heritage-and-history');
		expect(genoa?.fromSeed).toBe(true);
		expect(genoa?.view.cities).toEqual([{ slug: 'genoa', name: 'Genoa' }]);
		expect(genoa?.view.keyFactors).toEqual([
			{
				href: '/toolkits/enhancing-public-perception/public-commitment',
				title: 'Public commitment to an inclusive and diverse city'
			}
		]);
		expect(genoa?.view.sources[0]?.quote).toMatch(/^Diversity is embedded in Genoa's heritage/);
		// A city's page lists the published practices it takes part in (Tampere mentored Lublin).
		const lublin = (await practices.publishedOfCity(null, 'lublin')).map((p) => p.slug);
		expect(lublin).toContain('lublin-for-all-campaign');
		expect(lublin).toContain('tampere-mentoring-lublin');
		expect(lublin).not.toContain('tampere-rasmus-network');
		expect(await practices.publishedOfCity(null, 'no-such-city')).toEqual([]);
		const list = await published(null, 1);
		// Every practice of content/practices.json (43: the toolkit's 27 city examples and those
		// the other seeds describe).
		expect(list.total).toBe(SEEDED);
	});

	it('the seed is idempotent, and a changed entry becomes a new published version', async () => {
		const again = await seedContent(db());
		expect(again.practiceVersionsAdded).toEqual([]);
		const dir = mkdtempSync(join(tmpdir(), 'ic-practices-'));
		cpSync('content', dir, { recursive: true });
		const file = join(dir, 'practices.json');
		const json = JSON.parse(readFileSync(file, 'utf8'));
		json.practices[1].summary = 'A summary changed in a later edition.';
		writeFileSync(file, JSON.stringify(json));
		const report = await seedContent(db(), dir);
		expect(report.practiceVersionsAdded).toEqual(['zurich-discrimination-reports@2']);
		expect((await seedContent(db(), dir)).practiceVersionsAdded).toEqual([]);
		const zurich = await practices.publishedBySlug(null, 'zurich-discrimination-reports');
		expect(zurich?.view.summary).toBe('A summary changed in a later edition.');
		expect(zurich?.view.number).toBe(2);
	});

	it('a contributor drafts, cannot submit or publish; the coordinator submits; the admin returns, publishes', async () => {
		const contributor = await who('contributor.lublin@example.org');
		const coordinator = await who('coordinator.lublin@example.org');
		const admin = await who('admin@example.org');
		const lublin = await lublinId();

		const p = await practices.create(contributor, lublin, input());
		expect(p.status).toBe('draft');
		// Nobody outside sees the draft.
		expect(await practices.publishedBySlug(null, p.slug)).toBeUndefined();
		expect(await practices.publishedBySlug(admin, p.slug)).toBeUndefined();
		expect(await statusOf(practices.submit(contributor, lublin, p.id))).toBe(404);
		expect(await statusOf(practices.review(contributor, p.id, 'publish', ''))).toBe(403);
		// Not yet submitted: the admin cannot review it.
		expect(await statusOf(practices.review(admin, p.id, 'publish', ''))).toBe(404);

		await practices.submit(coordinator, lublin, p.id);
		expect((await practices.queue(admin)).map((q) => q.id)).toContain(p.id);
		expect(await statusOf(practices.update(contributor, lublin, p.id, input()))).toBe(409);

		// Returning needs a comment.
		expect(await practices.review(admin, p.id, 'return', '  ')).toEqual({
			ok: false,
			field: 'comment',
			error: 'error_practice_comment_required'
		});
		expect(await practices.review(admin, p.id, 'return', 'Add figures to the results.')).toEqual({
			ok: true
		});
		const returned = await practices.forCity(contributor, lublin, p.id);
		expect(returned.practice.status).toBe('returned');
		expect(returned.practice.reviewComment).toBe('Add figures to the results.');
		expect(returned.latest.description).toBe('## How\n\nA desk in *every* district.');
		expect(returned.latest.links).toEqual(['https://example.org/desks']);

		await practices.update(contributor, lublin, p.id, input({ results: '1,200 people a year.' }));
		await practices.submit(coordinator, lublin, p.id);
		await practices.review(admin, p.id, 'publish', '');

		const pub = await practices.publishedBySlug(null, p.slug);
		expect(pub?.view.results).toBe('1,200 people a year.');
		expect(pub?.view.cities.map((c) => c.slug)).toEqual(['lublin']);
		const list = await published(null, 1);
		expect(list.items[0]?.slug).toBe(p.slug);

		// Editing a published practice is a new draft; the public keeps the published text.
		await practices.update(contributor, lublin, p.id, input({ title: 'A new title in the works' }));
		expect((await practices.publishedBySlug(null, p.slug))?.view.title).toBe(
			'Welcome desks in every district'
		);
		const detail = await practices.forCity(coordinator, lublin, p.id);
		expect(detail.practice.status).toBe('draft');
		expect(detail.versions.map((v) => v.number)).toEqual([3, 2, 1]);

		const [audits] = await db()
			.select({ n: count() })
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'practice'), eq(auditLog.entityId, p.id)));
		// create, submit, return, edit, submit, publish, edit (the refused return wrote nothing)
		expect(audits!.n).toBe(7);
	});

	it('an admin rejects; the public never sees a rejected practice', async () => {
		const coordinator = await who('coordinator.lublin@example.org');
		const admin = await who('admin@example.org');
		const lublin = await lublinId();
		const p = await practices.create(coordinator, lublin, input({ title: 'To be rejected' }));
		await practices.submit(coordinator, lublin, p.id);
		await practices.review(admin, p.id, 'reject', 'Not a practice of the city.');
		expect((await practices.forCity(coordinator, lublin, p.id)).practice.status).toBe('rejected');
		expect(await practices.publishedBySlug(null, p.slug)).toBeUndefined();
		expect(await statusOf(practices.submit(coordinator, lublin, p.id))).toBe(409);
	});

	it("another city's coordinator, a stakeholder and the public get 404 or 401", async () => {
		const contributor = await who('contributor.lublin@example.org');
		const tampere = await who('coordinator.tampere@example.org');
		const stakeholder = await who('ngo.lublin@example.org');
		const admin = await who('admin@example.org');
		const lublin = await lublinId();
		const tampereId = (await cities.bySlug(null, 'tampere'))!.id;
		const p = await practices.create(contributor, lublin, input({ title: 'Private draft' }));
		expect(await statusOf(practices.forCity(tampere, lublin, p.id))).toBe(404);
		expect(await statusOf(practices.listOfCity(tampere, lublin))).toBe(404);
		expect(await statusOf(practices.submit(tampere, lublin, p.id))).toBe(404);
		// Through its own city's address, another city's practice is unknown too.
		expect(await statusOf(practices.forCity(tampere, tampereId, p.id))).toBe(404);
		expect(await statusOf(practices.update(tampere, tampereId, p.id, input()))).toBe(404);
		expect(await statusOf(practices.forCity(stakeholder, lublin, p.id))).toBe(404);
		expect(await statusOf(practices.forCity(null, lublin, p.id))).toBe(401);
		expect(await statusOf(practices.forCity(admin, lublin, p.id))).toBe(404);
		expect(await statusOf(practices.forReview(admin, p.id))).toBe(404);
		expect(await statusOf(practices.forCity(contributor, lublin, 'not-a-uuid'))).toBe(404);
	});

	it('stores script and HTML as typed', async () => {
		const contributor = await who('contributor.lublin@example.org');
		const lublin = await lublinId();
		const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
		const p = await practices.create(
			contributor,
			lublin,
			input({ title: evil, summary: evil, description: evil, audience: evil })
		);
		const [v] = await db()
			.select()
			.from(practiceVersion)
			.where(eq(practiceVersion.practiceId, p.id));
		expect([v?.title, v?.summary, v?.description, v?.audience]).toEqual([evil, evil, evil, evil]);
	});

	it('searches the published words without accents, city names included', async () => {
		const coordinator = await who('coordinator.lublin@example.org');
		const admin = await who('admin@example.org');
		const lublin = await lublinId();
		const p = await practices.create(
			coordinator,
			lublin,
			input({ title: 'Café of languages', cities: ['dusseldorf'] })
		);
		await practices.submit(coordinator, lublin, p.id);
		await practices.review(admin, p.id, 'publish', '');
		const slugs = async (q: string) => (await published(null, 1, q)).items.map((i) => i.slug);
		// Without the accent, the same as with it: the new one and the seeded Düsseldorf ones.
		const plain = await slugs('dusseldorf');
		expect(plain).toContain(p.slug);
		expect(plain).toContain('dusseldorf-office-for-migration-and-integration');
		expect(await slugs('Düsseldorf')).toEqual(plain);
		// Stemmed in English: "languages" also finds Tampere's language cafés, after the
		// practice whose title has every word.
		expect((await slugs('café of languages')).sort()).toEqual(
			[p.slug, 'tampere-library-language-cafes'].sort()
		);
		expect(await slugs('genoa heritage')).toEqual(['genoa-diversity-in-heritage-and-history']);
		expect(await slugs('"no such words" -x')).toEqual([]);
		expect(await slugs('<script> & | ! (')).toEqual([]);
		const draft = await practices.create(
			coordinator,
			lublin,
			input({ title: 'Unpublished zebra' })
		);
		expect(draft.status).toBe('draft');
		expect(await slugs('zebra')).toEqual([]);
	});

	it('counts the published practices of each city: a practice of two cities counts for both, drafts do not', async () => {
		const coordinator = await who('coordinator.lublin@example.org');
		const admin = await who('admin@example.org');
		const lublin = await lublinId();
		const counts = () => practices.publishedCountByCity(null);
		const before = await counts();
		// The seeds: Genoa takes part in five practices, Berlin in none (so it is absent).
		expect(before.get('genoa')).toBe(5);
		expect(before.has('berlin')).toBe(false);

		// A practice of Lublin and Berlin: neither a draft nor one waiting for review counts.
		const both = await practices.create(coordinator, lublin, input({ cities: ['berlin'] }));
		expect(await counts()).toEqual(before);
		await practices.submit(coordinator, lublin, both.id);
		expect(await counts()).toEqual(before);
		await practices.review(admin, both.id, 'publish', '');
		const published = await counts();
		expect(published.get('berlin')).toBe(1);
		expect(published.get('lublin')).toBe(before.get('lublin')! + 1);
		expect(published.get('genoa')).toBe(5);

		// A new draft of it naming Turin too: the public still sees the published version.
		await practices.update(coordinator, lublin, both.id, input({ cities: ['berlin', 'turin'] }));
		// A rejected practice of Turin and one still a draft never count.
		const rejected = await practices.create(coordinator, lublin, input({ cities: ['turin'] }));
		await practices.submit(coordinator, lublin, rejected.id);
		await practices.review(admin, rejected.id, 'reject', 'Not a practice of the city.');
		await practices.create(coordinator, lublin, input({ cities: ['turin', 'berlin'] }));
		const after = await counts();
		expect(after).toEqual(published);
		expect(after.has('turin')).toBe(false);
		// The same as the city's page lists.
		expect(after.get('lublin')).toBe((await practices.publishedOfCity(null, 'lublin')).length);
		expect(after.get('berlin')).toBe((await practices.publishedOfCity(null, 'berlin')).length);
	});

	it('pages the library 20 at a time; a bad page number is page 1', async () => {
		const coordinator = await who('coordinator.lublin@example.org');
		const admin = await who('admin@example.org');
		const lublin = await lublinId();
		const before = (await published(null, 1)).total;
		// Enough for one more page than full ones: 20 per page.
		const target = Math.ceil((before + 1) / 20) * 20 + 1;
		for (let i = 0; i < target - before; i++) {
			const p = await practices.create(coordinator, lublin, input({ title: `Practice ${i}` }));
			await practices.submit(coordinator, lublin, p.id);
			await practices.review(admin, p.id, 'publish', '');
		}
		const pages = (target - 1) / 20 + 1;
		const one = await published(null, 1);
		expect([one.total, one.pages, one.items.length]).toEqual([target, pages, 20]);
		const last = await published(null, pages);
		expect(last.items).toHaveLength(1);
		for (const bad of [0, -1, pages + 1, Number.NaN, 1.5]) {
			expect((await published(null, bad)).page).toBe(1);
		}
		const [n] = await db().select({ n: count() }).from(practice);
		expect(n!.n).toBeGreaterThanOrEqual(target);
	});
});
