// A report's inspiration: the toolkit's examples and the library's published practices of
// other cities for the weakest key factors, cities like the assessed one first (similar.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import * as cities from '../cities/service.ts';
import * as practices from '../practices/service.ts';
import { checkPractice } from '../practices/forms.ts';
import { practice } from '../practices/schema.ts';
import { outbox } from '../mail/schema.ts';
import * as assessments from './service.ts';
import * as answers from './answers.ts';
import { report } from './report.ts';
import { rank, SUGGESTIONS, type Suggestion } from './inspiration.ts';

const BENCHMARK = 'enhancing-public-perception';
const KEY_FACTOR = 'public-commitment';
const TOOLKIT = `/toolkits/${BENCHMARK}/${KEY_FACTOR}#examples`;

function suggestion(over: Partial<Suggestion> & { score: number }): Suggestion {
	const { score, ...rest } = over;
	return {
		kind: 'example',
		title: 'An example',
		text: '',
		href: TOOLKIT,
		language: 'en',
		cities: [],
		likeness: { country: score > 0, population: score > 1, migrantShare: score > 2, score },
		...rest
	};
}

describe('ranking suggestions', () => {
	it('puts the most alike first, then practices before examples, then titles; five at most', () => {
		const ranked = rank([
			suggestion({ title: 'B far example', score: 0 }),
			suggestion({ title: 'A far example', score: 0 }),
			suggestion({ title: 'Z far practice', kind: 'practice', href: '/practices/z', score: 0 }),
			suggestion({ title: 'Near example', score: 2 }),
			suggestion({ title: 'Near practice', kind: 'practice', href: '/practices/n', score: 2 }),
			suggestion({ title: 'Nearest example', score: 3 }),
			suggestion({ title: 'C far example', score: 0 })
		]);
		expect(ranked.map((s) => s.title)).toEqual([
			'Nearest example',
			'Near practice',
			'Near example',
			'Z far practice',
			'A far example'
		]);
		expect(ranked).toHaveLength(SUGGESTIONS);
	});
});

describe.each(engines())('inspiration in the report on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });
	const made = { near: '', shared: '', draft: '', submitted: '', own: '' };
	let lublinId = '';
	let suggestions: Suggestion[] = [];

	/** A practice of `cityId` on public commitment, published unless told otherwise. */
	async function practiceOf(
		author: Awaited<ReturnType<typeof actorByEmail>>,
		cityId: string,
		title: string,
		stage: 'draft' | 'submitted' | 'published',
		others: string[] = []
	) {
		const admin = await actorByEmail('admin@example.org');
		const checked = checkPractice({
			title,
			summary: `${title}: what the city did.`,
			cities: others,
			keyFactors: [`${BENCHMARK}/${KEY_FACTOR}`]
		});
		if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
		const p = await practices.create(author, cityId, checked.data);
		if (stage !== 'draft') await practices.submit(author, cityId, p.id);
		if (stage === 'published') await practices.review(admin, p.id, 'publish', '');
		return p.slug;
	}

	beforeAll(async () => {
		const admin = await actorByEmail('admin@example.org');
		const lublinCoordinator = await actorByEmail('coordinator.lublin@example.org');
		lublinId = (await cities.bySlug(null, 'lublin'))!.id;

		// Rzeszów: in Poland and, like Lublin (347,678), of 250,000 to 500,000 people. Genoa,
		// whose figures are not known, is alike in nothing but its example.
		const rzeszow = await cities.create(admin, {
			name: 'Rzeszów',
			country: 'PL',
			population: 300_000,
			latitude: null,
			longitude: null
		});
		await cities.invite(
			admin,
			rzeszow.id,
			{
				name: 'Anna Nowak',
				email: 'coordinator.rzeszow@example.org',
				role: 'city_coordinator',
				organisation: ''
			},
			'http://localhost'
		);
		const [mail] = await db()
			.select()
			.from(outbox)
			.where(eq(outbox.to, 'coordinator.rzeszow@example.org'))
			.orderBy(desc(outbox.createdAt))
			.limit(1);
		const token = mail!.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]!;
		await cities.acceptAsNewUser(token, { name: 'Anna Nowak', password: 'a long passphrase' });
		const rzeszowCoordinator = await actorByEmail('coordinator.rzeszow@example.org');

		made.near = await practiceOf(
			rzeszowCoordinator,
			rzeszow.id,
			'Welcome points in every district',
			'published',
			['genoa']
		);
		made.shared = await practiceOf(
			rzeszowCoordinator,
			rzeszow.id,
			'A twinning with Lublin',
			'published',
			['lublin']
		);
		made.draft = await practiceOf(rzeszowCoordinator, rzeszow.id, 'Still a draft', 'draft');
		made.submitted = await practiceOf(
			rzeszowCoordinator,
			rzeszow.id,
			'Waiting for review',
			'submitted'
		);
		made.own = await practiceOf(lublinCoordinator, lublinId, 'Lublin speaks up', 'published');
		// The seeded practices retell the toolkit's examples; without Genoa's, its example is
		// offered on its own.
		await db().delete(practice).where(eq(practice.slug, 'genoa-diversity-in-heritage-and-history'));

		// Lublin's assessment, weak in public commitment only.
		const started = await assessments.start(lublinCoordinator, lublinId, {
			benchmark: BENCHMARK,
			cycle: '2025',
			prefill: false
		});
		if (!started.ok) throw new Error(started.error);
		const view = await assessments.get(lublinCoordinator, started.id);
		const kf = view.keyFactors.find((k) => k.slug === KEY_FACTOR)!;
		await answers.saveAnswers(
			lublinCoordinator,
			started.id,
			kf.guideQuestions.map((q) => ({
				questionId: q.id,
				response: '1' as const,
				evidence: '',
				links: [],
				revision: 0
			}))
		);
		const r = await report(lublinCoordinator, started.id);
		expect(r.inspiration.map((k) => k.slug)).toEqual([KEY_FACTOR]);
		suggestions = r.inspiration[0]!.suggestions;
	});

	it('ranks by the one definition: a practice of a city like this one before an example of a far one', () => {
		const near = suggestions.findIndex((s) => s.href === `/practices/${made.near}`);
		const genoa = suggestions.findIndex((s) => s.kind === 'example');
		expect(near).toBe(0);
		expect(suggestions[near]).toMatchObject({
			kind: 'practice',
			title: 'Welcome points in every district',
			// Both its cities, alike as its most alike one: Rzeszów, same country and size band.
			cities: [
				{ slug: 'rzeszow', name: 'Rzeszów', country: 'PL' },
				{ slug: 'genoa', name: 'Genoa', country: 'IT' }
			],
			likeness: { country: true, population: true, migrantShare: false, score: 2 }
		});
		expect(suggestions[genoa]).toMatchObject({
			href: TOOLKIT,
			cities: [{ slug: 'genoa', name: 'Genoa', country: 'IT' }],
			likeness: { country: false, population: false, migrantShare: false, score: 0 }
		});
		expect(genoa).toBeGreaterThan(near);
		const scores = suggestions.map((s) => s.likeness.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(suggestions.length).toBeLessThanOrEqual(SUGGESTIONS);
	});

	it("leaves out the city's own examples and practices, those it takes part in too", () => {
		for (const s of suggestions) expect(s.cities.map((c) => c.slug)).not.toContain('lublin');
		const hrefs = suggestions.map((s) => s.href);
		expect(hrefs).not.toContain(`/practices/${made.own}`);
		expect(hrefs).not.toContain(`/practices/${made.shared}`);
		expect(hrefs).not.toContain('/practices/lublin-for-all-campaign');
		expect(suggestions.map((s) => s.title)).not.toContain('Lublin for all');
	});

	it('offers no practice that is not published', () => {
		const hrefs = suggestions.map((s) => s.href);
		expect(hrefs).not.toContain(`/practices/${made.draft}`);
		expect(hrefs).not.toContain(`/practices/${made.submitted}`);
	});

	it('offers an example that a practice retells once, as the practice', () => {
		for (const city of ['dublin', 'zurich']) {
			const of = suggestions.filter((s) => s.cities.some((c) => c.slug === city));
			expect(of.map((s) => s.kind)).toEqual(['practice']);
		}
		expect(suggestions.filter((s) => s.kind === 'example')).toHaveLength(1);
	});
});
