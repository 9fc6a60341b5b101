// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Its schemas are
// JSON Schema 2020-12 and fix every response's shape (`additionalProperties: false`, every
// property required), so the tests that validate real responses against them catch any drift.
import { cityRoles } from '../access/index.ts';
import {
	ERROR_CACHE,
	PRIVATE_CACHE,
	PUBLIC_CACHE,
	SLUG_MAX_LENGTH,
	SLUG_PATTERN,
	VERSION_MAX
} from './http.ts';

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const text = (description: string): Schema => ({ type: 'string', description });
const nullableText = (description: string): Schema => ({ type: ['string', 'null'], description });
const integer = (description: string, minimum?: number): Schema =>
	minimum === undefined
		? { type: 'integer', description }
		: { type: 'integer', minimum, description };
const nullable = (schema: Schema, description: string): Schema => ({
	description,
	anyOf: [schema, { type: 'null' }]
});
const list = (items: Schema, description: string): Schema => ({
	type: 'array',
	description,
	items
});

/** An object of fixed shape: exactly these properties, all present (null where allowed). */
function object(description: string, properties: Record<string, Schema>): Schema {
	return {
		type: 'object',
		description,
		additionalProperties: false,
		required: Object.keys(properties),
		properties
	};
}

const slug = (description: string): Schema => ({
	type: 'string',
	pattern: SLUG_PATTERN,
	maxLength: SLUG_MAX_LENGTH,
	description
});

const assessmentId = (description: string): Schema => ({
	type: 'string',
	format: 'uuid',
	description
});
const submittedAt: Schema = {
	type: ['string', 'null'],
	format: 'date-time',
	description: 'When it was submitted; null while in progress.'
};
const updatedAt: Schema = {
	type: 'string',
	format: 'date-time',
	description: 'When it last changed.'
};
const score = (description: string): Schema => ({
	type: ['integer', 'null'],
	minimum: 0,
	maximum: 100,
	description: `${description} A whole percentage.`
});
const positions = (what: string): Schema =>
	list(
		{ type: 'integer', minimum: 1 },
		`The positions (as in \`answers\`) of the questions ${what}, in order.`
	);

const schemas: Record<string, Schema> = {
	Error: object('What went wrong. The same shape for every error of this API.', {
		error: object('The error.', {
			status: { type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status.' },
			message: text('A short explanation in English, e.g. "Not found".')
		})
	}),

	ThemeList: object('The toolkit themes, in the order the network presents them.', {
		themes: list(ref('Theme'), 'Every theme, with or without published content.')
	}),
	Theme: object('A toolkit theme of the Integrating Cities network.', {
		slug: slug('Identifies the theme.'),
		title: text('The theme as the toolkits name it.'),
		year: integer('The year the toolkit was developed.'),
		project: text('The project that developed the toolkit.'),
		benchmark: nullable(
			ref('BenchmarkSummary'),
			'The current benchmark of this theme; null while its content is not published here.'
		)
	}),
	BenchmarkSummary: object('A benchmark in brief, enough to list it and fetch it whole.', {
		slug: slug('Identifies the benchmark: GET /benchmarks/{slug}.'),
		title: text('Title of the benchmark.'),
		version: integer('The current version.', 1),
		year: integer('Year of publication of the toolkit.'),
		standard: text('The standard the benchmark sets for a city.')
	}),

	Benchmark: object(
		'One published version of a benchmark, complete: the standard, its key factors with guide questions and city examples, and the context factors. A version never changes once published.',
		{
			slug: slug('Identifies the benchmark across its versions.'),
			version: integer('This version; earlier ones stay available with ?version=N.', 1),
			isCurrent: { type: 'boolean', description: 'Whether this is the current version.' },
			title: text('Title of the benchmark.'),
			publisher: text('Who published the toolkit.'),
			year: integer('Year of publication of the toolkit.'),
			language: text('Language of the text, as a BCP 47 tag (e.g. "en").'),
			attribution: text('How to credit the toolkit when reusing its text.'),
			authors: text('Authors of the toolkit (may be empty).'),
			about: text('What the toolkit is about (may be empty).'),
			standard: text('The standard the benchmark sets for a city.'),
			rationale: text('Why the standard matters (may be empty).'),
			notesOnTerms: list(ref('NoteOnTerm'), 'How the toolkit uses some words.'),
			contextFactorsIntro: text('Introduction to the context factors (may be empty).'),
			sections: list(ref('Section'), 'The rest of the toolkit text (foreword, acknowledgements…).'),
			publishedAt: {
				type: 'string',
				format: 'date-time',
				description: 'When this version was published here.'
			},
			versions: list(ref('BenchmarkVersion'), 'Every version of this benchmark, newest first.'),
			keyFactors: list(ref('KeyFactor'), 'The key factors, in order of their number.'),
			contextFactors: list(
				ref('ContextFactor'),
				'Local conditions that shape how the standard can be met.'
			)
		}
	),
	NoteOnTerm: object('A word as the toolkit uses it.', {
		term: text('The word.'),
		text: text('What it means in the toolkit.')
	}),
	Section: object('A section of the toolkit text.', {
		heading: text('The section heading.'),
		text: text('The section text.')
	}),
	BenchmarkVersion: object('A published version of a benchmark.', {
		version: integer('The version number.', 1),
		isCurrent: { type: 'boolean', description: 'Whether this is the current version.' },
		publishedAt: { type: 'string', format: 'date-time', description: 'When it was published here.' }
	}),
	KeyFactor: object(
		'A key factor of a benchmark: what a city does to meet the standard, questions to assess itself by, and examples from cities.',
		{
			number: integer('Its number within the benchmark, from 1.', 1),
			slug: slug('Identifies the key factor within its benchmark.'),
			title: text('Title of the key factor.'),
			statement: text('What the city does.'),
			explanation: text('More about it (may be empty).'),
			guideQuestions: list(ref('GuideQuestion'), 'Questions for a self-assessment, in order.'),
			examples: list(ref('CityExample'), 'Examples from cities, in order.')
		}
	),
	GuideQuestion: object('A question a city asks itself about a key factor.', {
		position: integer('Its position among the questions of the key factor, from 1.', 1),
		text: text('The question.')
	}),
	CityExample: object('How a city has worked on a key factor, as the toolkit tells it.', {
		title: text('Title of the example.'),
		text: text('The example.'),
		city: ref('CityRef')
	}),
	ContextFactor: object('A local condition that shapes how a city can meet the standard.', {
		slug: slug('Identifies the context factor within its benchmark.'),
		title: text('Title of the context factor.'),
		mayInvolve: list({ type: 'string' }, 'What it may involve.')
	}),
	KeyFactorView: object('One key factor, with the benchmark it belongs to and its neighbours.', {
		benchmark: ref('BenchmarkRef'),
		keyFactor: ref('KeyFactor'),
		previous: nullable(ref('KeyFactorRef'), 'The key factor before this one; null for the first.'),
		next: nullable(ref('KeyFactorRef'), 'The key factor after this one; null for the last.'),
		count: integer('How many key factors the benchmark has.', 1)
	}),
	BenchmarkRef: object('The benchmark a key factor belongs to.', {
		slug: slug('Identifies the benchmark.'),
		version: integer('The version the key factor belongs to.', 1),
		isCurrent: { type: 'boolean', description: 'Whether this is the current version.' },
		title: text('Title of the benchmark.'),
		publisher: text('Who published the toolkit.'),
		year: integer('Year of publication of the toolkit.'),
		language: text('Language of the text, as a BCP 47 tag.'),
		attribution: text('How to credit the toolkit when reusing its text.')
	}),
	KeyFactorRef: object('A key factor in brief.', {
		number: integer('Its number within the benchmark.', 1),
		slug: slug('Identifies the key factor within its benchmark.'),
		title: text('Title of the key factor.')
	}),

	Charter: object(
		'The Integrating Cities Charter: what signatory cities commit to in each of their roles, the cities that signed it, and how many had signed at various dates.',
		{
			title: text('Title of the Charter.'),
			subtitle: text('Its subtitle.'),
			launched: { type: ['integer', 'null'], description: 'The year it was launched, if known.' },
			intro: text('Introduction (may be empty).'),
			about: text('About the Charter (may be empty).'),
			preambleExcerpt: text('An excerpt of its preamble (may be empty).'),
			source: nullableText('Where this text comes from.'),
			roles: list(ref('CharterRole'), 'The roles of a city, each with its commitments.'),
			signatories: list(ref('Signatory'), 'The cities that signed, by name.'),
			counts: list(
				ref('SignatoryCount'),
				'How many cities had signed, as sources say, oldest first.'
			)
		}
	),
	CharterRole: object('A role in which a city commits itself (policy-maker, employer…).', {
		slug: slug('Identifies the role.'),
		title: text('The role.'),
		lead: text('What the city does in this role.'),
		commitments: list(ref('Commitment'), 'The commitments of this role, in order.')
	}),
	Commitment: object('A commitment of the Charter.', {
		slug: slug('Identifies the commitment.'),
		text: text('The commitment.')
	}),
	Signatory: object('A city that signed the Charter. What is unknown is null, never guessed.', {
		city: ref('CityRef'),
		signedOn: { type: ['string', 'null'], format: 'date', description: 'The day it signed.' },
		place: nullableText('Where it signed.'),
		signedBy: nullableText('Who signed for the city.'),
		eventStart: {
			type: ['string', 'null'],
			format: 'date',
			description: 'Where the day is unknown: first day of the event at which it signed.'
		},
		eventEnd: {
			type: ['string', 'null'],
			format: 'date',
			description: 'Where the day is unknown: last day of the event at which it signed.'
		}
	}),
	SignatoryCount: object('How many cities had signed the Charter at a date, as a source says.', {
		count: integer('The number of signatory cities.', 0),
		asOf: text('When: a year ("2014") or a month ("2018-11").'),
		quote: text('What the source says.'),
		source: nullableText('The source.')
	}),

	CityRef: object('A city in brief.', {
		slug: slug('Identifies the city: GET /cities/{slug}.'),
		name: text('Name of the city.'),
		country: ref('Country')
	}),
	Country: {
		type: 'string',
		pattern: '^[A-Z]{2}$',
		description: 'The country, as an ISO 3166-1 alpha-2 code.'
	},
	CityList: object('The cities of the network, by name.', {
		cities: list(ref('City'), 'Every city.')
	}),
	City: object('A city of the network.', {
		id: {
			type: 'string',
			format: 'uuid',
			description: "The city's id: names its workspace, e.g. GET /cities/{cityId}/members."
		},
		slug: slug('Identifies the city: GET /cities/{slug}.'),
		name: text('Name of the city.'),
		country: ref('Country'),
		population: { type: ['integer', 'null'], minimum: 0, description: 'Population, if known.' },
		latitude: {
			type: ['number', 'null'],
			minimum: -90,
			maximum: 90,
			description: 'Latitude, if known.'
		},
		longitude: {
			type: ['number', 'null'],
			minimum: -180,
			maximum: 180,
			description: 'Longitude, if known.'
		},
		isSignatory: { type: 'boolean', description: 'Whether the city signed the Charter.' }
	}),
	CityDetail: object(
		'A city of the network with what is known of it, its Charter signature and its examples in the toolkits.',
		{
			id: {
				type: 'string',
				format: 'uuid',
				description: "The city's id: names its workspace, e.g. GET /cities/{cityId}/members."
			},
			slug: slug('Identifies the city.'),
			name: text('Name of the city.'),
			country: ref('Country'),
			population: { type: ['integer', 'null'], minimum: 0, description: 'Population, if known.' },
			populationYear: { type: ['integer', 'null'], description: 'The year of that population.' },
			migrantBackgroundShare: {
				type: ['number', 'null'],
				minimum: 0,
				maximum: 100,
				description: 'Share of residents with a migrant background, in percent, if known.'
			},
			foreignNationalsShare: {
				type: ['number', 'null'],
				minimum: 0,
				maximum: 100,
				description: 'Share of residents who are foreign nationals, in percent, if known.'
			},
			latitude: { type: ['number', 'null'], minimum: -90, maximum: 90, description: 'Latitude.' },
			longitude: {
				type: ['number', 'null'],
				minimum: -180,
				maximum: 180,
				description: 'Longitude.'
			},
			source: nullableText('Where these figures come from.'),
			signatory: nullable(
				ref('Signature'),
				'Its signature of the Charter; null if it has not signed.'
			),
			examples: list(ref('CityExampleRef'), "The city's examples in current benchmarks.")
		}
	),
	Signature: object("A city's signature of the Charter. What is unknown is null.", {
		signedOn: { type: ['string', 'null'], format: 'date', description: 'The day it signed.' },
		place: nullableText('Where it signed.'),
		signedBy: nullableText('Who signed for the city.'),
		eventStart: {
			type: ['string', 'null'],
			format: 'date',
			description: 'Where the day is unknown: first day of the event at which it signed.'
		},
		eventEnd: {
			type: ['string', 'null'],
			format: 'date',
			description: 'Where the day is unknown: last day of the event at which it signed.'
		}
	}),
	CityExampleRef: object("Where a city's example appears in the toolkits.", {
		title: text('Title of the example.'),
		benchmark: object('The benchmark.', {
			slug: slug('Identifies the benchmark.'),
			title: text('Title of the benchmark.')
		}),
		keyFactor: ref('KeyFactorRef')
	}),

	MemberList: object("The people of a city's workspace and the invitations still open.", {
		cityId: { type: 'string', format: 'uuid', description: 'The city.' },
		members: list(ref('Member'), 'The members, by role and name.'),
		pendingInvitations: list(
			ref('PendingInvitation'),
			'Invitations not yet accepted, oldest first.'
		)
	}),
	Member: object('A person with a role in the city.', {
		name: text('Their name.'),
		email: { type: 'string', format: 'email', description: 'Their email address.' },
		role: ref('CityRole'),
		organisation: nullableText('For stakeholders: the organisation they speak for.'),
		since: { type: 'string', format: 'date-time', description: 'When they joined the city.' }
	}),
	PendingInvitation: object('An invitation into the city that has not been accepted yet.', {
		name: text('The name given for the person invited.'),
		email: { type: 'string', format: 'email', description: 'Where the invitation was sent.' },
		role: ref('CityRole'),
		organisation: nullableText('For stakeholders: the organisation they speak for.'),
		expiresAt: { type: 'string', format: 'date-time', description: 'When the link stops working.' }
	}),
	CityRole: {
		type: 'string',
		enum: [...cityRoles],
		description:
			'A role in a city: the coordinator leads its work and invites people, contributors take part, stakeholders follow it.'
	},

	AssessmentList: object("A city's self-assessments, newest first.", {
		cityId: { type: 'string', format: 'uuid', description: 'The city.' },
		assessments: list(ref('AssessmentSummary'), 'Every assessment of the city, newest first.')
	}),
	AssessmentSummary: object(
		'A self-assessment in brief: GET /assessments/{assessmentId} gives it whole.',
		{
			id: assessmentId('Identifies the assessment: GET /assessments/{assessmentId}.'),
			benchmark: ref('AssessmentBenchmark'),
			cycle: text('The cycle it assesses, as the city names it (a year, a period).'),
			status: ref('AssessmentStatus'),
			visibility: ref('AssessmentVisibility'),
			isDemo: {
				type: 'boolean',
				description: 'Whether it is example data, not a real assessment.'
			},
			submittedAt: submittedAt,
			updatedAt: updatedAt
		}
	),
	AssessmentBenchmark: object(
		'The benchmark version an assessment is made against, for good: GET /benchmarks/{slug}?version=N.',
		{
			slug: slug('Identifies the benchmark.'),
			version: integer('The version assessed.', 1),
			title: text('Title of the benchmark.')
		}
	),
	AssessmentStatus: {
		type: 'string',
		enum: ['in_progress', 'submitted'],
		description: 'Whether the city is still answering, or submitted the assessment (read-only).'
	},
	AssessmentVisibility: {
		type: 'string',
		enum: ['private', 'network', 'public'],
		description:
			"Who may read it besides the city's coordinators and contributors: nobody (private), the network's administrators (network), everyone once submitted (public)."
	},
	Assessment: object(
		"A city's self-assessment against a benchmark: its answer to every guide question of every key factor, and how much each context factor limits it.",
		{
			id: assessmentId('Identifies the assessment.'),
			cityId: {
				type: 'string',
				format: 'uuid',
				description: 'The city that assessed itself, as GET /cities gives it.'
			},
			benchmark: ref('AssessmentBenchmark'),
			cycle: text('The cycle it assesses, as the city names it (a year, a period).'),
			status: ref('AssessmentStatus'),
			visibility: ref('AssessmentVisibility'),
			isDemo: {
				type: 'boolean',
				description: 'Whether it is example data, not a real assessment.'
			},
			submittedAt: submittedAt,
			updatedAt: updatedAt,
			keyFactors: list(ref('AssessedKeyFactor'), 'The key factors, in order of their number.'),
			contextNotes: list(ref('ContextNote'), 'The context factors, in the order of the benchmark.')
		}
	),
	AssessedKeyFactor: object("A key factor with the city's answers to its guide questions.", {
		number: integer('Its number within the benchmark, from 1.', 1),
		slug: slug('Identifies the key factor within its benchmark.'),
		title: text('Title of the key factor.'),
		answers: list(ref('Answer'), 'One per guide question, in order (unanswered ones included).')
	}),
	Answer: object("The city's answer to a guide question.", {
		position: integer(
			'The position of the question among those of its key factor, from 1 (as in GET /benchmarks/{slug}).',
			1
		),
		question: text('The guide question.'),
		kind: nullable(ref('AnswerKind'), 'How the city answered; null while unanswered.'),
		rating: {
			type: ['integer', 'null'],
			minimum: 0,
			maximum: 4,
			description:
				'For a rated answer: 0 not in place, 1 planned or starting, 2 partly in place, 3 in place, 4 in place and evaluated. Null otherwise.'
		},
		evidence: text('What the city gives as evidence (may be empty).'),
		links: list({ type: 'string' }, 'Links given as evidence.')
	}),
	AnswerKind: {
		type: 'string',
		enum: ['rated', 'dont_know', 'not_applicable'],
		description: 'Rated 0–4, "Don\'t know", or "Not applicable" (these two are not scored).'
	},
	ContextNote: object(
		'How much a context factor limits the city, and why. It explains, never scores.',
		{
			slug: slug('Identifies the context factor within its benchmark.'),
			title: text('Title of the context factor.'),
			limit: nullable(ref('ContextLimit'), 'How much it limits the city; null while not noted.'),
			why: text('Why (may be empty).')
		}
	),
	ContextLimit: {
		type: 'string',
		enum: ['not_at_all', 'somewhat', 'strongly'],
		description: 'How much a context factor limits the city.'
	},
	Report: object(
		"The report of a self-assessment: how near the city is to the standard, what more to do, its context, the change since its previous cycle, and examples from other cities for its weakest key factors. Scores are whole percentages: a key factor's is its mean rating as a share of 4, the benchmark's the mean of its key factors' (see /method).",
		{
			assessment: ref('ReportAssessment'),
			city: ref('ReportCity'),
			benchmark: object('The benchmark version assessed.', {
				slug: slug('Identifies the benchmark.'),
				version: integer('The version assessed.', 1),
				title: text('Title of the benchmark.'),
				language: text('Language of the text, as a BCP 47 tag.'),
				standard: text('The standard the benchmark sets for a city.')
			}),
			summary: ref('ReportSummary'),
			keyFactors: list(ref('ReportKeyFactor'), 'The key factors, in order of their number.'),
			contextFactors: list(
				ref('ReportContextFactor'),
				'The context factors, in the order of the benchmark.'
			),
			inspiration: list(
				ref('Inspiration'),
				'Up to three of the weakest key factors below the standard, weakest first, with examples from other cities.'
			)
		}
	),
	ReportAssessment: object('The assessment reported on.', {
		id: assessmentId('Identifies the assessment: GET /assessments/{assessmentId}.'),
		cycle: text('The cycle it assesses.'),
		status: ref('AssessmentStatus'),
		visibility: ref('AssessmentVisibility'),
		isDemo: { type: 'boolean', description: 'Whether it is example data, not a real assessment.' },
		submittedAt: submittedAt,
		updatedAt: updatedAt
	}),
	ReportCity: object('The city that assessed itself.', {
		id: { type: 'string', format: 'uuid', description: "The city's id." },
		slug: slug('Identifies the city: GET /cities/{slug}.'),
		name: text('Name of the city.'),
		country: ref('Country')
	}),
	ReportSummary: object('How near the city is to the standard.', {
		score: score(
			"The benchmark score: the mean of the key factors' scores; null when nothing is rated."
		),
		meeting: integer('How many key factors meet the standard (every rated question in place).', 0),
		judged: integer('How many key factors have a rated question, so that they could be judged.', 0),
		total: integer('How many key factors the benchmark has.', 0),
		belowInPlace: integer('How many questions are rated below "in place" (0–2).', 0),
		previousCycle: nullableText(
			'The previous cycle, when there is one and you may read it; null otherwise.'
		),
		previousScore: score("The previous cycle's score; null without one.")
	}),
	ReportKeyFactor: object('How near the city is to the standard in one key factor.', {
		number: integer('Its number within the benchmark, from 1.', 1),
		slug: slug('Identifies the key factor within its benchmark.'),
		title: text('Title of the key factor.'),
		score: score('The mean rating as a share of 4; null when no question is rated.'),
		meetsStandard: {
			type: ['boolean', 'null'],
			description:
				'Whether every rated question is in place (3) or better; null when none is rated.'
		},
		rated: integer('How many of its questions are rated 0–4.', 0),
		questions: integer('How many guide questions it has.', 0),
		change: {
			type: ['integer', 'null'],
			minimum: -100,
			maximum: 100,
			description:
				'The change of its score since the previous cycle, in points; null without a score then and now.'
		},
		answers: list(ref('Answer'), 'One per guide question, in order (unanswered ones included).'),
		belowInPlace: positions('rated below "in place" (0–2): what more to do'),
		dontKnow: positions('answered "Don\'t know"'),
		notApplicable: positions('answered "Not applicable"'),
		unanswered: positions('not answered yet')
	}),
	ReportContextFactor: object('How much a context factor limits the city, and why.', {
		title: text('Title of the context factor.'),
		limit: nullable(ref('ContextLimit'), 'How much it limits the city; null while not noted.'),
		why: text('Why (may be empty).')
	}),
	Inspiration: object('Examples from other cities for one of the weakest key factors.', {
		number: integer('The number of the key factor.', 1),
		slug: slug('Identifies the key factor within its benchmark.'),
		title: text('Title of the key factor.'),
		examples: list(
			ref('CityExample'),
			'Examples from other cities, those of the same country first.'
		)
	}),

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

function ok(
	description: string,
	schema: string,
	cache: 'PublicCache' | 'PrivateCache' | 'AssessmentCache'
) {
	return {
		description,
		headers: { 'Cache-Control': { $ref: `#/components/headers/${cache}` } },
		content: { 'application/json': { schema: ref(schema) } }
	};
}

const errors = {
	badRequest: { $ref: '#/components/responses/BadRequest' },
	unauthorized: { $ref: '#/components/responses/Unauthorized' },
	notFound: { $ref: '#/components/responses/NotFound' }
};

const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });

export const openapi = {
	openapi: '3.1.0',
	info: {
		title: 'Integrating Cities API',
		version: '1',
		summary: 'Read the toolkits, the Charter and the cities of the Integrating Cities network.',
		description:
			"A read-only JSON API over the content of Integrating Cities: the toolkit benchmarks that help a city assess its integration work (with their key factors, guide questions, city examples and context factors), the Integrating Cities Charter and its signatories, and the cities of the network.\n\nEverything is public except a city's members and its self-assessments, which need a signed-in session of someone in that city (a self-assessment the city shared with the network can also be read by the network's administrators, and one it published by everyone). Public responses may be cached for five minutes. Every error answers with the same JSON shape (`Error`)."
	},
	servers: [{ url: '/api/v1', description: 'This site.' }],
	tags: [
		{ name: 'Toolkits', description: 'Benchmarks and their key factors.' },
		{ name: 'Charter', description: 'The Integrating Cities Charter.' },
		{ name: 'Cities', description: 'The cities of the network.' },
		{ name: 'Workspace', description: "A city's private workspace (needs a session)." },
		{
			name: 'Assessments',
			description:
				"Cities' self-assessments against the benchmarks, and their reports: private to the city until it shares them with the network or publishes them."
		},
		{ name: 'API', description: 'About this API.' }
	],
	paths: {
		'/benchmarks': {
			get: {
				operationId: 'listBenchmarks',
				tags: ['Toolkits'],
				summary: 'List the toolkit themes with their current benchmark',
				description:
					'Every toolkit theme, with the current version of its benchmark in brief. Themes whose content is not published here yet are listed too, with `benchmark: null`. Use a benchmark slug with GET /benchmarks/{slug} to read it whole.',
				responses: { '200': ok('The themes.', 'ThemeList', 'PublicCache') }
			}
		},
		'/benchmarks/{slug}': {
			get: {
				operationId: 'getBenchmark',
				tags: ['Toolkits'],
				summary: 'Read a benchmark',
				description:
					'A benchmark complete: its standard, every key factor with its guide questions and city examples (each naming its city), and the context factors. The current version unless `version` asks for another; `versions` lists them all.',
				parameters: [parameter('BenchmarkSlug'), parameter('Version')],
				responses: {
					'200': ok('The benchmark.', 'Benchmark', 'PublicCache'),
					'400': errors.badRequest,
					'404': errors.notFound
				}
			}
		},
		'/benchmarks/{slug}/key-factors/{keyFactorSlug}': {
			get: {
				operationId: 'getKeyFactor',
				tags: ['Toolkits'],
				summary: 'Read one key factor of a benchmark',
				description:
					'One key factor with its guide questions and city examples, the benchmark it belongs to, and the key factors before and after it, to read them one at a time. The current version of the benchmark unless `version` asks for another.',
				parameters: [parameter('BenchmarkSlug'), parameter('KeyFactorSlug'), parameter('Version')],
				responses: {
					'200': ok('The key factor.', 'KeyFactorView', 'PublicCache'),
					'400': errors.badRequest,
					'404': errors.notFound
				}
			}
		},
		'/charter': {
			get: {
				operationId: 'getCharter',
				tags: ['Charter'],
				summary: 'Read the Integrating Cities Charter',
				description:
					'The Charter: what a signatory city commits to as a policy-maker, a service provider, an employer and a buyer of goods and services; the cities that signed it, with when and where where known; and how many cities had signed at various dates, as sources say.',
				responses: { '200': ok('The Charter.', 'Charter', 'PublicCache') }
			}
		},
		'/cities': {
			get: {
				operationId: 'listCities',
				tags: ['Cities'],
				summary: 'List the cities of the network',
				description:
					'Every city of the network, by name, with its location where known and whether it signed the Charter.',
				responses: { '200': ok('The cities.', 'CityList', 'PublicCache') }
			}
		},
		'/cities/{slug}': {
			get: {
				operationId: 'getCity',
				tags: ['Cities'],
				summary: 'Read a city',
				description:
					'One city: what is known of it (population, shares of residents with a migrant background or foreign nationality, each with its source), its signature of the Charter, and where the toolkits cite it as an example.',
				parameters: [parameter('CitySlug')],
				responses: {
					'200': ok('The city.', 'CityDetail', 'PublicCache'),
					'404': errors.notFound
				}
			}
		},
		'/cities/{cityId}/members': {
			get: {
				operationId: 'listCityMembers',
				tags: ['Workspace'],
				summary: "List a city's members",
				description:
					"The people of a city's workspace with their roles, and the invitations still open. Only for the city's coordinators and contributors (and network administrators): it needs a signed-in session. Without one the answer is 401; for a city you do not belong to, or an id that names no city, it is 404, exactly as if the city did not exist.",
				security: [{ sessionCookie: [] }],
				parameters: [parameter('CityId')],
				responses: {
					'200': ok('The members.', 'MemberList', 'PrivateCache'),
					'401': errors.unauthorized,
					'404': errors.notFound
				}
			}
		},
		'/cities/{cityId}/assessments': {
			get: {
				operationId: 'listCityAssessments',
				tags: ['Assessments'],
				summary: "List a city's self-assessments",
				description:
					"Every self-assessment of a city, newest first, whatever its status or visibility. Only for the city's coordinators and contributors: it needs a signed-in session. Without one the answer is 401; for a city you do not belong to, or an id that names no city, it is 404, exactly as if the city did not exist. (A city's published assessments are also listed on its public page.)",
				security: [{ sessionCookie: [] }],
				parameters: [parameter('CityId')],
				responses: {
					'200': ok('The assessments.', 'AssessmentList', 'PrivateCache'),
					'401': errors.unauthorized,
					'404': errors.notFound
				}
			}
		},
		'/assessments/{assessmentId}': {
			get: {
				operationId: 'getAssessment',
				tags: ['Assessments'],
				summary: 'Read a self-assessment with its answers',
				description:
					"One self-assessment: the benchmark version it is made against, its cycle, status and visibility, the city's answer to every guide question (named by its position within its key factor, with its text) and its notes on the context factors. Readable by the city's coordinators and contributors; by the network's administrators once the city shared it with the network; by everyone, without a session, once it is submitted and published — then it is publicly cacheable. Without a session on one that is not published the answer is 401; one you may not read, or an id that names none, is 404.",
				security: [{ sessionCookie: [] }, {}],
				parameters: [parameter('AssessmentId')],
				responses: {
					'200': ok('The assessment.', 'Assessment', 'AssessmentCache'),
					'401': errors.unauthorized,
					'404': errors.notFound
				}
			}
		},
		'/assessments/{assessmentId}/report': {
			get: {
				operationId: 'getAssessmentReport',
				tags: ['Assessments'],
				summary: 'Read the report of a self-assessment',
				description:
					"The report of a self-assessment, as the city's report page shows it: the benchmark score and how many key factors meet the standard, each key factor's score with what is below \"in place\", the context, the change since the city's previous cycle (when you may read that cycle), and examples from other cities for the weakest key factors. Readable by whoever may read the assessment (see GET /assessments/{assessmentId}), with the same 401 and 404.",
				security: [{ sessionCookie: [] }, {}],
				parameters: [parameter('AssessmentId')],
				responses: {
					'200': ok('The report.', 'Report', 'AssessmentCache'),
					'401': errors.unauthorized,
					'404': errors.notFound
				}
			}
		},
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
			BenchmarkSlug: {
				name: 'slug',
				in: 'path',
				required: true,
				description: 'The benchmark, e.g. `enhancing-public-perception`.',
				schema: slug('A benchmark slug.')
			},
			KeyFactorSlug: {
				name: 'keyFactorSlug',
				in: 'path',
				required: true,
				description: 'The key factor within the benchmark, e.g. `public-commitment`.',
				schema: slug('A key factor slug.')
			},
			Version: {
				name: 'version',
				in: 'query',
				required: false,
				description:
					'An earlier version of the benchmark. Without it, the current version. Anything but a whole number from 1 is a 400.',
				schema: { type: 'integer', minimum: 1, maximum: VERSION_MAX }
			},
			CitySlug: {
				name: 'slug',
				in: 'path',
				required: true,
				description: 'The city, e.g. `lublin`.',
				schema: slug('A city slug.')
			},
			CityId: {
				name: 'cityId',
				in: 'path',
				required: true,
				description: "The city's id, as GET /cities gives it.",
				schema: { type: 'string', format: 'uuid' }
			},
			AssessmentId: {
				name: 'assessmentId',
				in: 'path',
				required: true,
				description: "The assessment's id, as GET /cities/{cityId}/assessments gives it.",
				schema: { type: 'string', format: 'uuid' }
			}
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
			ErrorCache: {
				description: 'Errors are not stored (a private endpoint says `private, no-store`).',
				schema: { type: 'string', enum: [ERROR_CACHE, PRIVATE_CACHE] }
			}
		},
		responses: {
			BadRequest: {
				description: 'A parameter is not valid, e.g. a `version` that is not a whole number.',
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
