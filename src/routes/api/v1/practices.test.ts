// The practice library's endpoints' real answers, from their route handlers over a seeded
// database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), as api.test.ts does for the
// rest of the API: every body must match the OpenAPI document for its path and status, and its
// cache policy must be the documented one. The search takes the page's parameters and gives
// what the page shows; only published practices are ever listed or read.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '#lib/server/testing/database.ts';
import * as cities from '#lib/server/cities/service.ts';
import * as practices from '#lib/server/practices/service.ts';
import { checkPractice } from '#lib/server/practices/forms.ts';
import { parseSearch } from '#lib/server/practices/search-params.ts';
import { openapi } from '#lib/server/api/openapi.ts';
import {
	apiCaller,
	signInDemoActors,
	type ApiPath,
	type DemoActors,
	type Json
} from '#lib/server/api/testing.ts';
import * as practiceSearch from './practices/+server.ts';
import * as practiceOne from './practices/[slug]/+server.ts';

interface Summary {
	slug: string;
	title: string;
	summary: string;
	cities: { slug: string; name: string }[];
	publishedAt: string;
	href: string;
}
interface FacetValue {
	value: string;
	label: string;
	count: number;
	selected: boolean;
}
type Facets = Record<
	'theme' | 'keyFactor' | 'commitment' | 'country' | 'city' | 'period',
	FacetValue[]
>;

const SEARCH = '/practices';
const ONE = '/practices/{slug}';
const GENOA = 'genoa-diversity-in-heritage-and-history';
/** The practices content/practices.json seeds, all published. */
const SEEDED = 43;
const NOT_FOUND = { error: { status: 404, message: 'Not found' } };
const PUBLIC = 'public, max-age=300';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

// `seen`: which documented responses the tests below have seen, to check that none is left out.
const { call, validator, seen } = apiCaller(openapi);

/** The operations this file answers for; api.test.ts checks the others. */
function ours(path: string) {
	return (openapi.paths[path as ApiPath].get.tags as string[]).includes('Practices');
}

const search = (query = '') => call(practiceSearch.GET, SEARCH, {}, { query });
const one = (slug: string) => call(practiceOne.GET, ONE, { slug });
const slugsOf = (body: Json) => (body.practices as Summary[]).map((p) => p.slug);

describe.each(engines())('API v1 practices on %s', (engine) => {
	useTestDatabase(engine, { demo: true });

	const actors = {} as DemoActors;
	let lublin = '';

	beforeAll(async () => {
		seen.clear();
		Object.assign(actors, await signInDemoActors());
		lublin = (await cities.bySlug(null, 'lublin'))!.id;
	});

	/** A practice of Lublin through the service, as the workspace makes one: a draft. */
	async function draft(title: string, summary: string) {
		const checked = checkPractice({ title, summary });
		if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
		return practices.create(actors.lublinCoordinator, lublin, checked.data);
	}

	describe('GET /practices', () => {
		it('lists the library newest first, a page at a time, publicly cacheable and open to other websites', async () => {
			const { status, body, cacheControl, cors } = await search();
			expect(status).toBe(200);
			expect(cacheControl).toBe(PUBLIC);
			expect(cors).toBe('*');
			expect(body).toMatchObject({
				total: SEEDED,
				page: 1,
				pages: 3,
				pageSize: 20,
				sort: 'newest',
				query: {
					q: '',
					filters: {
						theme: [],
						keyFactor: [],
						commitment: [],
						country: [],
						city: [],
						period: []
					},
					sort: null,
					page: 1
				}
			});
			const list = body.practices as Summary[];
			expect(list).toHaveLength(20);
			for (const p of list) {
				expect(p.href).toBe(`/practices/${p.slug}`);
				expect(p.cities.length).toBeGreaterThan(0);
				for (const c of p.cities) expect(c.name.length).toBeGreaterThan(0);
			}
			const dates = list.map((p) => p.publishedAt);
			expect(dates).toEqual([...dates].sort().reverse());
			// The three pages together are the library, each practice once.
			const second = await search('?page=2');
			const third = await search('?page=3');
			expect(second.body.page).toBe(2);
			expect(third.body.practices).toHaveLength(SEEDED - 40);
			const all = [body, second.body, third.body].flatMap(slugsOf);
			expect(new Set(all).size).toBe(SEEDED);
			expect(all).toContain(GENOA);
			// Nothing internal: no row id of any kind.
			expect(JSON.stringify([body, second.body, third.body])).not.toMatch(UUID);
		});

		it('gives each city of a practice by slug and by name', async () => {
			const { body } = await search('?city=lublin&city=tampere');
			const mentoring = (body.practices as Summary[]).find(
				(p) => p.slug === 'tampere-mentoring-lublin'
			);
			expect(mentoring?.cities).toEqual(
				expect.arrayContaining([
					{ slug: 'lublin', name: 'Lublin' },
					{ slug: 'tampere', name: 'Tampere' }
				])
			);
			for (const p of body.practices as Summary[]) {
				expect(p.cities.map((c) => c.slug)).toEqual(expect.arrayContaining(['lublin', 'tampere']));
			}
		});

		it('searches words by relevance, and gives what the page gives for the same address', async () => {
			const query = '?q=heritage+history';
			const { status, body } = await search(query);
			expect(status).toBe(200);
			expect(body.sort).toBe('relevance');
			expect(body.query).toMatchObject({ q: 'heritage history', sort: null });
			expect(slugsOf(body)[0]).toBe(GENOA);
			// The service the page /practices reads, with the same parameters.
			const page = await practices.search(
				null,
				parseSearch(new URLSearchParams(query.slice(1))).state
			);
			expect(slugsOf(body)).toEqual(page.items.map((i) => i.slug));
			expect(body.total).toBe(page.total);
			expect(body.facets).toEqual(page.facets);
			// Newest first when asked.
			const newest = await search(`${query}&sort=newest`);
			expect(newest.body.sort).toBe('newest');
			expect(newest.body.query).toMatchObject({ sort: 'newest' });
			expect(slugsOf(newest.body).sort()).toEqual(slugsOf(body).sort());
		});

		it('counts every facet value among the matches, and each value narrows to its count', async () => {
			const all = await search();
			const facets = all.body.facets as Facets;
			for (const name of [
				'theme',
				'keyFactor',
				'commitment',
				'country',
				'city',
				'period'
			] as const) {
				expect(facets[name].length, name).toBeGreaterThan(0);
				for (const v of facets[name]) expect(v.selected).toBe(false);
			}
			const params = {
				theme: 'theme',
				keyFactor: 'kf',
				commitment: 'commitment',
				country: 'country',
				city: 'city',
				period: 'period'
			} as const;
			for (const [name, param] of Object.entries(params) as [keyof Facets, string][]) {
				const value = facets[name][0]!;
				const narrowed = await search(`?${param}=${encodeURIComponent(value.value)}`);
				expect([name, narrowed.body.total]).toEqual([name, value.count]);
				const chosen = (narrowed.body.facets as Facets)[name].find((v) => v.value === value.value);
				expect(chosen).toMatchObject({ count: value.count, selected: true });
				expect((narrowed.body.query as { filters: Facets }).filters[name]).toEqual([value.value]);
			}
			// Labels people read: a key factor's number and title, a city's name.
			expect(facets.keyFactor).toContainEqual(
				expect.objectContaining({
					value: 'enhancing-public-perception/public-commitment',
					label: '1. Public commitment to an inclusive and diverse city'
				})
			);
			expect(facets.city).toContainEqual(
				expect.objectContaining({ value: 'genoa', label: 'Genoa' })
			);
		});

		it('narrows by several facets at once; a value no practice has finds nothing but is listed', async () => {
			const { body } = await search(
				'?kf=enhancing-public-perception/public-commitment&city=genoa&country=IT'
			);
			expect(slugsOf(body)).toContain(GENOA);
			const facets = body.facets as Facets;
			expect(facets.city.find((v) => v.value === 'genoa')).toMatchObject({
				selected: true,
				count: body.total
			});
			const none = await search('?theme=no-such-theme');
			expect(none.status).toBe(200);
			expect(none.body).toMatchObject({ total: 0, page: 1, pages: 1, practices: [] });
			expect((none.body.facets as Facets).theme).toEqual([
				{ value: 'no-such-theme', label: 'no-such-theme', count: 0, selected: true }
			]);
		});

		it('gives page 1 for a page past the last, and says which page it gave', async () => {
			const { status, body } = await search('?page=99');
			expect(status).toBe(200);
			expect(body).toMatchObject({ page: 1, pages: 3, query: { page: 99 } });
			expect(slugsOf(body)).toEqual(slugsOf((await search()).body));
		});

		it('ignores parameters it does not take', async () => {
			const { status, body } = await search('?lang=fr&utm_source=x');
			expect(status).toBe(200);
			expect(body.total).toBe(SEEDED);
		});

		it.each([
			['q', `q=${'x'.repeat(201)}`, 'Enter at most 200 characters to search for'],
			['theme', 'theme=%3Cscript%3E', 'A filter in this address is not valid'],
			['kf', 'kf=public-commitment', 'A filter in this address is not valid'],
			['commitment', 'commitment=Bad_Slug', 'A filter in this address is not valid'],
			['country', 'country=poland', 'A filter in this address is not valid'],
			['city', 'city=', 'A filter in this address is not valid'],
			['period', 'period=2015', 'A filter in this address is not valid'],
			[
				'city',
				Array.from({ length: 11 }, (_, i) => `city=c${i}`).join('&'),
				'Choose at most 10 values of one filter'
			],
			['sort', 'sort=best', 'Sort by relevance or newest'],
			['page', 'page=0', 'The page must be a whole number from 1'],
			['page', 'page=abc', 'The page must be a whole number from 1'],
			['page', 'page=1.5', 'The page must be a whole number from 1'],
			['page', 'page=9999999', 'The page must be a whole number from 1']
		])('answers 400, never 500, naming the parameter %s (%#)', async (param, query, text) => {
			const { status, body, cacheControl } = await search(`?${query}`);
			expect(status).toBe(400);
			expect(cacheControl).toBe('no-store');
			expect(body).toEqual({
				error: { status: 400, message: `Parameter "${param}": ${text}.` }
			});
			expect(validator.schema('Error')(body)).toBe(true);
		});

		it('names every parameter not understood', async () => {
			const { status, body } = await search('?sort=best&country=poland&page=-1');
			expect(status).toBe(400);
			const message = (body.error as { message: string }).message;
			for (const param of ['"country"', '"sort"', '"page"']) expect(message).toContain(param);
		});
	});

	describe('GET /practices/{slug}', () => {
		it('gives a seeded practice complete, publicly cacheable', async () => {
			const { status, body, cacheControl, cors } = await one(GENOA);
			expect(status).toBe(200);
			expect(cacheControl).toBe(PUBLIC);
			expect(cors).toBe('*');
			expect(body).toMatchObject({
				slug: GENOA,
				title: "Diversity embedded in Genoa's heritage and history",
				cities: [{ slug: 'genoa', name: 'Genoa' }],
				summary: "Diversity is embedded in Genoa's heritage and history as a city on the sea.",
				periodFrom: null,
				periodTo: null,
				themes: [{ slug: 'enhancing-public-perception', title: expect.any(String) }],
				keyFactors: [
					{
						benchmark: 'enhancing-public-perception',
						slug: 'public-commitment',
						number: 1,
						title: 'Public commitment to an inclusive and diverse city'
					}
				],
				commitments: [{ slug: 'communicate-commitment', text: expect.any(String) }],
				audience: null,
				links: [],
				language: 'en',
				version: 1,
				href: `/practices/${GENOA}`
			});
			expect(body.description).toMatch(/^Diversity is embedded in Genoa's heritage/);
			const sources = body.sources as { document: string; quote: string }[];
			expect(sources[0]?.quote).toMatch(/^Diversity is embedded in Genoa's heritage/);
			expect(JSON.stringify(body)).not.toMatch(UUID);
		});

		it('is the practice the search lists, for every practice of the library', async () => {
			const listed = (await Promise.all([1, 2, 3].map((page) => search(`?page=${page}`)))).flatMap(
				(r) => r.body.practices as Summary[]
			);
			expect(listed).toHaveLength(SEEDED);
			for (const p of listed) {
				const { status, body } = await one(p.slug);
				expect(status, p.slug).toBe(200);
				expect(body).toMatchObject({
					slug: p.slug,
					title: p.title,
					summary: p.summary,
					cities: p.cities,
					publishedAt: p.publishedAt,
					href: p.href
				});
			}
		});

		it.each([
			['unknown', 'no-such-practice'],
			['over-long', 'a'.repeat(10_000)],
			['null byte', 'genoa\u0000diversity'],
			['uppercase', 'Genoa-Diversity-In-Heritage-And-History'],
			['odd characters', "x'; drop table practice; --"],
			['non-ASCII', 'łódź-ß-✓']
		])('answers 404, never 500, to an %s slug', async (_, slug) => {
			const { status, body, cacheControl } = await one(slug);
			expect(status).toBe(404);
			expect(body).toEqual(NOT_FOUND);
			expect(cacheControl).toBe('no-store');
		});
	});

	describe('a practice a city writes', () => {
		it('is neither listed nor readable as a draft, nor under review, nor once rejected', async () => {
			const me = actors.lublinCoordinator;
			const p = await draft('Quokka welcome desks', 'Newcomers find help at the quokka desk.');
			const hidden = async () => {
				const found = await search('?q=quokka');
				expect(found.body.total).toBe(0);
				expect(found.body.practices).toEqual([]);
				expect((await search('?city=lublin&page=1')).body.practices).not.toContainEqual(
					expect.objectContaining({ slug: p.slug })
				);
				const read = await one(p.slug);
				expect(read.status).toBe(404);
				expect(read.body).toEqual(NOT_FOUND);
			};
			await hidden();
			// Signed in as its own city, it is still not in the public library.
			expect((await call(practiceOne.GET, ONE, { slug: p.slug }, { actor: me })).status).toBe(404);
			await practices.submit(me, lublin, p.id);
			await hidden();
			await practices.review(actors.admin, p.id, 'reject', 'Not a practice of the city.');
			await hidden();
		});

		it('is listed and readable once published, and stays as published while edited again', async () => {
			const me = actors.lublinCoordinator;
			const p = await draft('Wombat language cafés', 'Neighbours meet newcomers over coffee.');
			await practices.submit(me, lublin, p.id);
			await practices.review(actors.admin, p.id, 'publish', '');

			const found = await search('?q=wombat');
			expect(found.body.total).toBe(1);
			expect((found.body.practices as Summary[])[0]).toMatchObject({
				slug: p.slug,
				title: 'Wombat language cafés',
				cities: [{ slug: 'lublin', name: 'Lublin' }],
				href: `/practices/${p.slug}`
			});
			const newest = await search();
			expect(newest.body.total).toBe(SEEDED + 1);
			expect(slugsOf(newest.body)[0]).toBe(p.slug);
			const read = await one(p.slug);
			expect(read.status).toBe(200);
			expect(read.body).toMatchObject({ title: 'Wombat language cafés', version: 1 });

			// A new draft of it: the public keeps reading the published version.
			const checked = checkPractice({
				title: 'Wombat cafés, renamed',
				summary: 'Not yet published.'
			});
			if (!checked.ok) throw new Error('invalid');
			await practices.update(me, lublin, p.id, checked.data);
			expect((await one(p.slug)).body).toMatchObject({
				title: 'Wombat language cafés',
				version: 1
			});
			expect((await search('?q=renamed')).body.total).toBe(0);
		});
	});

	it('has produced and checked every response the document promises for practices', () => {
		const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
			ours(path) ? Object.keys(item.get.responses).map((status) => `${path} ${status}`) : []
		);
		expect(documented.length).toBeGreaterThan(0);
		const produced = [...seen].filter((s) => ours(s.split(' ')[0]!));
		expect(produced.sort()).toEqual(documented.sort());
	});
});
