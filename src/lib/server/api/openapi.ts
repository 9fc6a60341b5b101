// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Its schemas are
// JSON Schema 2020-12 and fix every response's shape (`additionalProperties: false`, every
// property required), so the tests that validate real responses against them catch any drift.
import { ERROR_CACHE, PRIVATE_CACHE, PUBLIC_CACHE } from './http.ts';
import { object, ok, ref, text, type Schema } from './openapi/helpers.ts';
import * as assessments from './openapi/assessments.ts';
import * as benchmarks from './openapi/benchmarks.ts';
import * as charter from './openapi/charter.ts';
import * as cities from './openapi/cities.ts';
import * as practices from './openapi/practices.ts';
import * as mentoring from './openapi/mentoring.ts';
import * as surveys from './openapi/surveys.ts';
import * as responses from './openapi/responses.ts';
import * as results from './openapi/results.ts';

// Each resource brings its schemas, paths and parameters; the order they are spread in is the
// order of the document.
const schemas: Record<string, Schema> = {
	Error: object('What went wrong. The same shape for every error of this API.', {
		error: object('The error.', {
			status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status.' },
			message: text('A short explanation in English, e.g. "Not found".')
		})
	}),
	...benchmarks.schemas,
	...charter.schemas,
	...cities.schemas,
	...practices.schemas,
	...assessments.schemas,
	...mentoring.schemas,
	...surveys.schemas,
	...responses.schemas,
	...results.schemas,

	OpenApiDocument: {
		type: 'object',
		description: 'This document (its full schema is the OpenAPI 3.1 specification).',
		required: ['openapi', 'info', 'servers', 'paths', 'components'],
		properties: {
			openapi: { const: '3.1.0' },
			info: { type: 'object' },
			servers: { type: 'array' },
			paths: { type: 'object' },
			components: { type: 'object' }
		}
	}
};

const errorContent = { 'application/json': { schema: ref('Error') } };

export const openapi = {
	openapi: '3.1.0',
	info: {
		title: 'Integrating Cities API',
		version: '1',
		summary:
			'Read the toolkits, the Charter, the cities and the practice library of the Integrating Cities network.',
		description:
			"A read-only JSON API over the content of Integrating Cities: the toolkit benchmarks that help a city assess its integration work (with their key factors, guide questions, city examples and context factors), the Integrating Cities Charter and its signatories, the cities of the network, and the library of their practices (searchable by words and facets, as on the site).\n\nEverything is public except a city's members and its self-assessments, which need a signed-in session of someone in that city (a self-assessment the city shared with the network can also be read by the network's administrators, and one it published by everyone). Public responses may be cached for five minutes. Every error answers with the same JSON shape (`Error`)."
	},
	servers: [{ url: '/api/v1', description: 'This site.' }],
	tags: [
		{ name: 'Toolkits', description: 'Benchmarks and their key factors.' },
		{ name: 'Charter', description: 'The Integrating Cities Charter.' },
		{ name: 'Cities', description: 'The cities of the network.' },
		{
			name: 'Practices',
			description:
				'The practice library: what cities of the network have done, published by the network, searchable by words and facets.'
		},
		{ name: 'Workspace', description: "A city's private workspace (needs a session)." },
		{
			name: 'Assessments',
			description:
				"Cities' self-assessments against the benchmarks, and their reports: private to the city until it shares them with the network or publishes them."
		},
		{
			name: 'Mentoring',
			description:
				'City-to-city mentoring (ImpleMentoring): engagements between a mentor city and an implementing city, and action plans.'
		},
		{
			name: 'Surveys',
			description:
				"Surveys the network runs (their published questions) and their campaigns: which edition went to which cities, when, and how many answered; a city's own responses; the results once published."
		},
		{ name: 'API', description: 'About this API.' }
	],
	paths: {
		...benchmarks.paths,
		...charter.paths,
		...cities.paths,
		...practices.paths,
		...assessments.paths,
		...mentoring.paths,
		...surveys.paths,
		...responses.paths,
		...results.paths,
		'/openapi.json': {
			get: {
				operationId: 'getOpenApiDocument',
				tags: ['API'],
				summary: 'This description of the API',
				description: 'The OpenAPI 3.1 document that describes this API: this document.',
				responses: { '200': ok('The document.', 'OpenApiDocument', 'PublicCache') }
			}
		}
	},
	components: {
		schemas,
		parameters: {
			...benchmarks.parameters,
			...cities.parameters,
			...practices.parameters,
			...assessments.parameters,
			...mentoring.parameters,
			...surveys.parameters,
			...responses.parameters,
			...results.parameters
		},
		headers: {
			PublicCache: {
				description: 'Public content: shared caches may keep it for five minutes.',
				schema: { type: 'string', const: PUBLIC_CACHE }
			},
			PrivateCache: {
				description: 'Private to the person asking: never stored.',
				schema: { type: 'string', const: PRIVATE_CACHE }
			},
			AssessmentCache: {
				description:
					'Public (`public, max-age=300`) once the assessment is submitted and published and the answer is the same for everyone; otherwise private to the person asking (`private, no-store`). A report that shows you a previous cycle only you may read stays private.',
				schema: { type: 'string', enum: [PUBLIC_CACHE, PRIVATE_CACHE] }
			},
			EngagementCache: {
				description:
					'Public (`public, max-age=300`) when the answer is the public summary; private to the person asking (`private, no-store`) when it includes the workspace.',
				schema: { type: 'string', enum: [PUBLIC_CACHE, PRIVATE_CACHE] }
			},
			ResultsCache: {
				description:
					'Public (`public, max-age=300`) for published results; private to the person asking (`private, no-store`) for a network admin, who reads every question.',
				schema: { type: 'string', enum: [PUBLIC_CACHE, PRIVATE_CACHE] }
			},
			ErrorCache: {
				description: 'Errors are not stored (a private endpoint says `private, no-store`).',
				schema: { type: 'string', enum: [ERROR_CACHE, PRIVATE_CACHE] }
			}
		},
		responses: {
			BadRequest: {
				description:
					'A parameter is not valid, e.g. a `version` that is not a whole number or a search filter that is not well-formed; the message names the parameter.',
				headers: { 'Cache-Control': { $ref: '#/components/headers/ErrorCache' } },
				content: errorContent
			},
			Unauthorized: {
				description: 'Not signed in: this needs a session.',
				headers: { 'Cache-Control': { $ref: '#/components/headers/ErrorCache' } },
				content: errorContent
			},
			NotFound: {
				description:
					"Nothing by that name, or nothing you may see (another city's workspace reads as not found).",
				headers: { 'Cache-Control': { $ref: '#/components/headers/ErrorCache' } },
				content: errorContent
			}
		},
		securitySchemes: {
			sessionCookie: {
				type: 'apiKey',
				in: 'cookie',
				name: 'better-auth.session_token',
				description:
					'The session cookie set when signing in on this site (named `__Secure-better-auth.session_token` over HTTPS).'
			}
		}
	}
};

export type OpenApiDocument = typeof openapi;
