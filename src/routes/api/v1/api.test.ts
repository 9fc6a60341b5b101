// The API's real answers, from its route handlers over a seeded database (PGlite, and
// PostgreSQL when TEST_DATABASE_URL is set): every body must match the schema the OpenAPI
// document gives for that path and status, and its cache policy must be the documented one.
import { beforeAll, describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '#lib/server/testing/database.ts';
import * as cities from '#lib/server/cities/service.ts';
import { openapi } from '#lib/server/api/openapi.ts';
import { apiCaller, signInDemoActors, type DemoActors } from '#lib/server/api/testing.ts';
import * as benchmarksList from './benchmarks/+server.ts';
import * as benchmarkOne from './benchmarks/[slug]/+server.ts';
import * as keyFactorOne from './benchmarks/[slug]/key-factors/[keyFactorSlug]/+server.ts';
import * as charterRoute from './charter/+server.ts';
import * as citiesList from './cities/+server.ts';
import * as cityOne from './cities/[slug]/+server.ts';
import * as cityMembers from './cities/[cityId]/members/+server.ts';
import * as document from './openapi.json/+server.ts';
import * as rest from './[...rest]/+server.ts';

const BENCHMARK = 'enhancing-public-perception';
const NOT_FOUND = { error: { status: 404, message: 'Not found' } };

// `seen`: which documented responses the tests below have seen, to check that none is left out.
const { call, validator, seen } = apiCaller(openapi);

describe.each(engines())('API v1 on %s', (engine) => {
	useTestDatabase(engine, { demo: true });

	const actors = {} as DemoActors;
	const ids = { lublin: '', tampere: '' };

	beforeAll(async () => {
		seen.clear();
		Object.assign(actors, await signInDemoActors());
		const [lublin, tampere] = await Promise.all([
			cities.bySlug(null, 'lublin'),
			cities.bySlug(null, 'tampere')
		]);
		ids.lublin = lublin!.id;
		ids.tampere = tampere!.id;
		// An open invitation, so that the members' answer has one to show.
		const invited = await cities.invite(
			actors.lublinCoordinator,
			ids.lublin,
			{
				name: 'Invited Person',
				email: 'invited.lublin@example.org',
				role: 'stakeholder',
				organisation: 'A Migrant Association'
			},
			'http://localhost:3000'
		);
		expect(invited.ok).toBe(true);
	});

	describe('GET /benchmarks', () => {
		it('lists every theme, the one with content with its current benchmark', async () => {
			const { status, body, cacheControl } = await call(benchmarksList.GET, '/benchmarks', {});
			expect(status).toBe(200);
			expect(cacheControl).toBe('public, max-age=300');
			const themes = body.themes as {
				slug: string;
				benchmark: { slug: string; version: number } | null;
			}[];
			expect(themes).toHaveLength(7);
			const withContent = themes.filter((t) => t.benchmark);
			expect(withContent).toHaveLength(1);
			expect(withContent[0]!.benchmark).toMatchObject({ slug: BENCHMARK, version: 1 });
			expect(themes.filter((t) => t.benchmark === null)).toHaveLength(6);
		});

		it('answers the same to a signed-in person (public content, publicly cacheable)', async () => {
			const anonymous = await call(benchmarksList.GET, '/benchmarks', {});
			const signedIn = await call(
				benchmarksList.GET,
				'/benchmarks',
				{},
				{ actor: actors.lublinNgo }
			);
			expect(signedIn.body).toEqual(anonymous.body);
			expect(signedIn.cacheControl).toBe('public, max-age=300');
		});
	});

	describe('GET /benchmarks/{slug}', () => {
		it('gives the benchmark complete: 11 key factors, 72 guide questions, 27 examples, 7 context factors', async () => {
			const { status, body } = await call(benchmarkOne.GET, '/benchmarks/{slug}', {
				slug: BENCHMARK
			});
			expect(status).toBe(200);
			expect(body).toMatchObject({
				slug: BENCHMARK,
				version: 1,
				isCurrent: true,
				title: 'Enhancing public perception on migration and diversity',
				publisher: 'EUROCITIES',
				year: 2014
			});
			const keyFactors = body.keyFactors as {
				number: number;
				guideQuestions: { position: number }[];
				examples: { city: { slug: string; name: string; country: string } }[];
			}[];
			expect(keyFactors).toHaveLength(11);
			expect(keyFactors.map((k) => k.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
			expect(keyFactors.reduce((n, k) => n + k.guideQuestions.length, 0)).toBe(72);
			expect(keyFactors.reduce((n, k) => n + k.examples.length, 0)).toBe(27);
			expect(body.contextFactors).toHaveLength(7);
			for (const k of keyFactors) {
				expect(k.guideQuestions.map((q) => q.position)).toEqual(
					k.guideQuestions.map((_, i) => i + 1)
				);
				for (const e of k.examples) expect(e.city.name.length).toBeGreaterThan(0);
			}
			expect(body.versions).toEqual([
				{ version: 1, isCurrent: true, publishedAt: body.publishedAt }
			]);
		});

		it('leaks no internal id', async () => {
			const { body } = await call(benchmarkOne.GET, '/benchmarks/{slug}', { slug: BENCHMARK });
			const text = JSON.stringify(body);
			expect(text).not.toMatch(/"(id|\w+Id)"\s*:/);
			expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
		});

		it('gives an earlier version with ?version=N', async () => {
			const v1 = await call(
				benchmarkOne.GET,
				'/benchmarks/{slug}',
				{ slug: BENCHMARK },
				{ query: '?version=1' }
			);
			expect(v1.status).toBe(200);
			expect(v1.body.version).toBe(1);
			const missing = await call(
				benchmarkOne.GET,
				'/benchmarks/{slug}',
				{ slug: BENCHMARK },
				{ query: '?version=2' }
			);
			expect(missing.status).toBe(404);
			expect(missing.body).toEqual(NOT_FOUND);
			expect(missing.cacheControl).toBe('no-store');
		});

		it.each(['abc', '', '0', '-1', '1.5', '1e3', '9999999', '99999999999999999999', '1 OR 1=1'])(
			'answers 400, never 500, to ?version=%s',
			async (version) => {
				const { status, body } = await call(
					benchmarkOne.GET,
					'/benchmarks/{slug}',
					{ slug: BENCHMARK },
					{ query: `?version=${encodeURIComponent(version)}` }
				);
				expect(status).toBe(400);
				expect(body.error).toMatchObject({
					status: 400,
					message: expect.stringMatching(/version/)
				});
			}
		);

		it.each([
			['unknown', 'no-such-benchmark'],
			['over-long', 'a'.repeat(10_000)],
			['null byte', 'enhancing\u0000public'],
			['uppercase', 'Enhancing-Public-Perception'],
			['odd characters', "x'; drop table benchmark; --"],
			['non-ASCII', 'łódź-ß-✓']
		])('answers 404 to an %s slug', async (_, slug) => {
			const { status, body } = await call(benchmarkOne.GET, '/benchmarks/{slug}', { slug });
			expect(status).toBe(404);
			expect(body).toEqual(NOT_FOUND);
		});
	});

	describe('GET /benchmarks/{slug}/key-factors/{keyFactorSlug}', () => {
		const template = '/benchmarks/{slug}/key-factors/{keyFactorSlug}';

		it('gives one key factor with the benchmark and its neighbours', async () => {
			const first = await call(keyFactorOne.GET, template, {
				slug: BENCHMARK,
				keyFactorSlug: 'public-commitment'
			});
			expect(first.status).toBe(200);
			expect(first.body).toMatchObject({
				benchmark: { slug: BENCHMARK, version: 1, isCurrent: true },
				keyFactor: { number: 1, slug: 'public-commitment' },
				previous: null,
				next: { number: 2, slug: 'planning-and-strategy' },
				count: 11
			});
			const last = await call(
				keyFactorOne.GET,
				template,
				{ slug: BENCHMARK, keyFactorSlug: 'promoting-migrants-roles-in-key-services' },
				{ query: '?version=1' }
			);
			expect(last.body).toMatchObject({
				keyFactor: { number: 11 },
				previous: { number: 10 },
				next: null
			});
		});

		it('is the same key factor as in the whole benchmark', async () => {
			const whole = await call(benchmarkOne.GET, '/benchmarks/{slug}', { slug: BENCHMARK });
			const keyFactors = whole.body.keyFactors as { slug: string }[];
			for (const k of keyFactors) {
				const one = await call(keyFactorOne.GET, template, {
					slug: BENCHMARK,
					keyFactorSlug: k.slug
				});
				expect(one.body.keyFactor).toEqual(k);
			}
		});

		it('answers 404 to an unknown key factor, benchmark or version, and 400 to a bad version', async () => {
			for (const params of [
				{ slug: BENCHMARK, keyFactorSlug: 'no-such-factor' },
				{ slug: 'no-such-benchmark', keyFactorSlug: 'public-commitment' },
				{ slug: BENCHMARK, keyFactorSlug: 'x'.repeat(5000) }
			]) {
				const { status, body } = await call(keyFactorOne.GET, template, params);
				expect(status).toBe(404);
				expect(body).toEqual(NOT_FOUND);
			}
			const params = { slug: BENCHMARK, keyFactorSlug: 'public-commitment' };
			expect((await call(keyFactorOne.GET, template, params, { query: '?version=7' })).status).toBe(
				404
			);
			expect((await call(keyFactorOne.GET, template, params, { query: '?version=x' })).status).toBe(
				400
			);
		});
	});

	describe('GET /charter', () => {
		it('gives the roles with their commitments, the signatories and the signatory counts', async () => {
			const { status, body, cacheControl } = await call(charterRoute.GET, '/charter', {});
			expect(status).toBe(200);
			expect(cacheControl).toBe('public, max-age=300');
			const roles = body.roles as { commitments: unknown[] }[];
			expect(roles).toHaveLength(4);
			for (const r of roles) expect(r.commitments.length).toBeGreaterThan(0);
			const signatories = body.signatories as { city: { slug: string } }[];
			expect(signatories.length).toBeGreaterThan(0);
			expect(body.counts).toContainEqual(expect.objectContaining({ count: 39, asOf: '2018-11' }));
		});
	});

	describe('GET /cities and /cities/{slug}', () => {
		it('lists the cities of the network with their ids', async () => {
			const { status, body } = await call(citiesList.GET, '/cities', {});
			expect(status).toBe(200);
			const list = body.cities as { id: string; slug: string; isSignatory: boolean }[];
			expect(list).toHaveLength(33);
			expect(list.find((c) => c.slug === 'lublin')?.id).toBe(ids.lublin);
			expect(list.find((c) => c.slug === 'tampere')?.id).toBe(ids.tampere);
			expect(list.some((c) => c.isSignatory)).toBe(true);
		});

		it('gives a city with its signature and its examples in the toolkits', async () => {
			const lublin = await call(cityOne.GET, '/cities/{slug}', { slug: 'lublin' });
			expect(lublin.status).toBe(200);
			expect(lublin.body).toMatchObject({
				id: ids.lublin,
				slug: 'lublin',
				name: 'Lublin',
				country: 'PL'
			});
			// Every city cited by an example of the benchmark lists that example on its page.
			const whole = await call(benchmarkOne.GET, '/benchmarks/{slug}', { slug: BENCHMARK });
			const cited = (whole.body.keyFactors as { examples: { city: { slug: string } }[] }[])
				.flatMap((k) => k.examples)
				.map((e) => e.city.slug);
			const slug = cited[0]!;
			const city = await call(cityOne.GET, '/cities/{slug}', { slug });
			expect(city.body.examples).toHaveLength(cited.filter((c) => c === slug).length);
			// Every signatory of the Charter shows its signature.
			const charter = await call(charterRoute.GET, '/charter', {});
			const signed = (charter.body.signatories as { city: { slug: string } }[])[0]!.city.slug;
			expect(
				(await call(cityOne.GET, '/cities/{slug}', { slug: signed })).body.signatory
			).not.toBeNull();
		});

		it("gives a city's figures, current and history, each with its year and source", async () => {
			const { body } = await call(cityOne.GET, '/cities/{slug}', { slug: 'dusseldorf' });
			const facts = body.facts as {
				current: { figure: string; value: number; year: number | null; source: string }[];
				history: unknown[];
			};
			expect(facts.current.map((f) => [f.figure, f.value, f.year])).toEqual([
				['migrant_background_share', 42, null],
				['foreign_nationals_share', 24, null]
			]);
			expect(facts.current[0]!.source).toContain('Dusseldorf');
			expect(facts.history).toHaveLength(2);
		});

		it('answers 404 to an unknown or malformed slug', async () => {
			for (const slug of ['atlantis', 'a'.repeat(500), 'lub\u0000lin', 'LUBLIN']) {
				const { status, body } = await call(cityOne.GET, '/cities/{slug}', { slug });
				expect(status).toBe(404);
				expect(body).toEqual(NOT_FOUND);
			}
		});
	});

	describe('GET /cities/{cityId}/members', () => {
		const template = '/cities/{cityId}/members';
		const lublinPeople = [
			'contributor.lublin@example.org',
			'coordinator.lublin@example.org',
			'ngo.lublin@example.org'
		];

		it("gives Lublin's coordinator Lublin's members and open invitations, privately", async () => {
			const { status, body, cacheControl } = await call(
				cityMembers.GET,
				template,
				{ cityId: ids.lublin },
				{ actor: actors.lublinCoordinator }
			);
			expect(status).toBe(200);
			expect(cacheControl).toBe('private, no-store');
			expect(body.cityId).toBe(ids.lublin);
			const members = body.members as {
				email: string;
				role: string;
				organisation: string | null;
			}[];
			expect(members.map((m) => m.email).sort()).toEqual(lublinPeople);
			expect(members).toContainEqual(
				expect.objectContaining({
					email: 'ngo.lublin@example.org',
					role: 'stakeholder',
					organisation: 'Demo NGO'
				})
			);
			expect(body.pendingInvitations).toEqual([
				expect.objectContaining({
					email: 'invited.lublin@example.org',
					role: 'stakeholder',
					organisation: 'A Migrant Association'
				})
			]);
			expect(JSON.stringify(body)).not.toMatch(/"(id|userId|membershipId)"\s*:/);
		});

		it("gives them to Lublin's contributor, and Tampere's to a network admin", async () => {
			const contributor = await call(
				cityMembers.GET,
				template,
				{ cityId: ids.lublin },
				{ actor: actors.lublinContributor }
			);
			expect(contributor.status).toBe(200);
			const admin = await call(
				cityMembers.GET,
				template,
				{ cityId: ids.tampere },
				{ actor: actors.admin }
			);
			expect(admin.status).toBe(200);
			expect((admin.body.members as { email: string }[]).map((m) => m.email)).toEqual([
				'coordinator.tampere@example.org'
			]);
		});

		it("answers 404, with no member data, to Lublin's coordinator asking for Tampere", async () => {
			const { status, body, cacheControl } = await call(
				cityMembers.GET,
				template,
				{ cityId: ids.tampere },
				{ actor: actors.lublinCoordinator }
			);
			expect(status).toBe(404);
			expect(body).toEqual(NOT_FOUND);
			expect(cacheControl).toBe('private, no-store');
			expect(JSON.stringify(body)).not.toContain('tampere');
			// And the other way round.
			const other = await call(
				cityMembers.GET,
				template,
				{ cityId: ids.lublin },
				{ actor: actors.tampereCoordinator }
			);
			expect(other.status).toBe(404);
			expect(other.body).toEqual(NOT_FOUND);
		});

		it('answers 404 to an id that names no city, or is no id at all', async () => {
			for (const cityId of [
				'not-a-uuid',
				'00000000-0000-4000-8000-000000000000',
				`${ids.lublin}x`,
				"' or 1=1 --",
				'x'.repeat(5000)
			]) {
				const { status, body } = await call(
					cityMembers.GET,
					template,
					{ cityId },
					{ actor: actors.lublinCoordinator }
				);
				expect(status, cityId).toBe(404);
				expect(body).toEqual(NOT_FOUND);
			}
		});

		it('answers 404 to a stakeholder, who may not see the members of their own city', async () => {
			const { status, body } = await call(
				cityMembers.GET,
				template,
				{ cityId: ids.lublin },
				{ actor: actors.lublinNgo }
			);
			expect(status).toBe(404);
			expect(body).toEqual(NOT_FOUND);
		});

		it('answers 401 to anonymous, with no member data', async () => {
			for (const cityId of [ids.lublin, ids.tampere]) {
				const { status, body, cacheControl } = await call(cityMembers.GET, template, { cityId });
				expect(status).toBe(401);
				expect(body).toEqual({ error: { status: 401, message: expect.any(String) } });
				expect(cacheControl).toBe('private, no-store');
			}
		});

		it('reads an id in capitals as the same city', async () => {
			const { status } = await call(
				cityMembers.GET,
				template,
				{ cityId: ids.lublin.toUpperCase() },
				{ actor: actors.lublinCoordinator }
			);
			expect(status).toBe(200);
		});
	});

	describe('GET /openapi.json', () => {
		it('serves the document', async () => {
			const { status, body } = await call(document.GET, '/openapi.json', {});
			expect(status).toBe(200);
			expect(body).toEqual(JSON.parse(JSON.stringify(openapi)));
		});
	});

	describe('any other address under /api/v1', () => {
		it('answers 404 in the API error shape', async () => {
			const url = new URL('http://localhost/api/v1/nothing/here');
			const response = await rest.fallback({
				params: { rest: 'nothing/here' },
				url,
				request: new Request(url)
			} as never);
			expect(response.status).toBe(404);
			const body = await response.json();
			const validError = validator.schema('Error');
			expect(validError(body)).toBe(true);
			expect(body).toEqual(NOT_FOUND);
		});
	});

	it('has produced and checked every response the document promises', () => {
		// Operations tagged Assessments, Practices, Mentoring or Surveys are produced and checked by
		// assessments.test.ts, practices.test.ts, mentoring.test.ts and surveys.test.ts, responses.test.ts and
		// survey-results.test.ts.
		const elsewhere = ['Assessments', 'Practices', 'Mentoring', 'Surveys'];
		const documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
			(item.get.tags as string[]).some((tag) => elsewhere.includes(tag))
				? []
				: Object.keys(item.get.responses).map((status) => `${path} ${status}`)
		);
		expect([...seen].sort()).toEqual(documented.sort());
	});
});
