// The toolkit themes and their benchmarks, key factors and guide questions.
import { VERSION_MAX } from '../http.ts';
import {
	errors,
	integer,
	list,
	nullable,
	object,
	ok,
	parameter,
	ref,
	slug,
	text,
	type Schema
} from './helpers.ts';

export const schemas: Record<string, Schema> = {
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
	})
};

export const paths = {
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
	}
};

export const parameters = {
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
	}
};
