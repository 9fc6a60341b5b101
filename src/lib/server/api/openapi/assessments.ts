// Cities' self-assessments and their reports (private to the city until shared or published).
import {
	errors,
	integer,
	list,
	nullable,
	nullableText,
	object,
	ok,
	parameter,
	ref,
	slug,
	text,
	type Schema
} from './helpers.ts';

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

export const schemas: Record<string, Schema> = {
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
		"The report of a self-assessment: how near the city is to the standard, what more to do, its context, the change since its previous cycle, and suggestions from other cities for its weakest key factors. Scores are whole percentages: a key factor's is its mean rating as a share of 4, the benchmark's the mean of its key factors' (see /method).",
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
				'Up to three of the weakest key factors below the standard, weakest first, with suggestions from other cities.'
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
	Inspiration: object('Suggestions from other cities for one of the weakest key factors.', {
		number: integer('The number of the key factor.', 1),
		slug: slug('Identifies the key factor within its benchmark.'),
		title: text('Title of the key factor.'),
		suggestions: list(
			ref('Suggestion'),
			'At most five, of cities other than this one: the most alike first (see `likeness`), then practices before examples, then by title. A toolkit example that a practice quotes as its source is given once, as the practice.'
		)
	}),
	Suggestion: object(
		'A toolkit example or a published practice of the practice library, from other cities, for a key factor the city is weak in.',
		{
			kind: {
				type: 'string',
				enum: ['practice', 'example'],
				description:
					'A published practice of the practice library, or an example the toolkit gives for the key factor.'
			},
			title: text('Its title.'),
			text: text("The practice's summary, or the example's text."),
			href: {
				type: 'string',
				pattern: '^/',
				description:
					"Where to read it whole on the site: /practices/{slug} for a practice, the key factor's examples in the toolkit (/toolkits/{benchmark}/{keyFactor}#examples) for an example."
			},
			language: text('Language of its title and text, as a BCP 47 tag.'),
			cities: list(ref('CityRef'), 'The cities it comes from (one or more).'),
			likeness: ref('Likeness')
		}
	),
	Likeness: object(
		'Why a suggestion is made: how alike its most alike city is to the assessed city, by the definition of similar cities that the network uses everywhere (cities like this one, peer groups). A band that is not known matches nothing.',
		{
			score: {
				type: 'integer',
				minimum: 0,
				maximum: 3,
				description: 'One for each of the three below.'
			},
			country: { type: 'boolean', description: 'The same country.' },
			population: {
				type: 'boolean',
				description:
					'The same population band: under 250,000; up to 500,000; up to 1 million; more.'
			},
			migrantShare: {
				type: 'boolean',
				description:
					'The same band of the share of residents with a migrant background (else of foreign nationals): under 10 %, 20 %, 30 %; more.'
			}
		}
	)
};

export const paths = {
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
				"The report of a self-assessment, as the city's report page shows it: the benchmark score and how many key factors meet the standard, each key factor's score with what is below \"in place\", the context, the change since the city's previous cycle (when you may read that cycle), and suggestions from other cities for the weakest key factors (the toolkit's examples and the practice library's published practices, those of cities most like this one first). Readable by whoever may read the assessment (see GET /assessments/{assessmentId}), with the same 401 and 404.",
			security: [{ sessionCookie: [] }, {}],
			parameters: [parameter('AssessmentId')],
			responses: {
				'200': ok('The report.', 'Report', 'AssessmentCache'),
				'401': errors.unauthorized,
				'404': errors.notFound
			}
		}
	}
};

export const parameters = {
	AssessmentId: {
		name: 'assessmentId',
		in: 'path',
		required: true,
		description: "The assessment's id, as GET /cities/{cityId}/assessments gives it.",
		schema: { type: 'string', format: 'uuid' }
	}
};
