// The practice library: a search of the published practices (the parameters of the page
// /practices, so a search on the site and in the API is the same URL query), and one practice.
import { facetParam, facets, sorts, type Facet } from '#lib/practice-search.ts';
import { PAGE_SIZE } from '../../practices/service.ts';
import { formats, MAX_PAGE, MAX_QUERY, MAX_VALUES } from '../../practices/search-params.ts';
import {
	errors,
	integer,
	list,
	nullableText,
	object,
	ok,
	parameter,
	ref,
	slug,
	text,
	type Schema
} from './helpers.ts';

/** What each facet is, for the descriptions of its parameter and of its counts. */
const facetText: Record<Facet, { what: string; example: string }> = {
	theme: {
		what: 'a toolkit theme, by slug (GET /benchmarks lists them)',
		example: 'enhancing-public-perception'
	},
	keyFactor: {
		what: 'a key factor of a current benchmark, as `benchmark/key-factor`',
		example: 'enhancing-public-perception/public-commitment'
	},
	commitment: {
		what: 'a commitment of the Charter, by slug (GET /charter)',
		example: 'communicate-commitment'
	},
	country: {
		what: "a country of the practice's cities, as an ISO 3166-1 alpha-2 code",
		example: 'PL'
	},
	city: { what: 'a city the practice comes from, by slug (GET /cities)', example: 'lublin' },
	period: {
		what: 'a decade the period of the practice touches, by its first year (2015–2022 touches 2010 and 2020)',
		example: '2010'
	}
};

const facetValue = (facet: Facet): Schema => ({
	type: 'string',
	pattern: formats[facet].source,
	description: `A value: ${facetText[facet].what}.`
});

const parameterName = (facet: Facet) =>
	`Practice${facet.charAt(0).toUpperCase()}${facet.slice(1)}Filter`;

const period = (description: string): Schema => ({ type: ['integer', 'null'], description });

export const schemas: Record<string, Schema> = {
	PracticeSearch: object(
		`A page of the published practices that match a search (${PAGE_SIZE} a page), with, for each facet, how many of the matches have each value.`,
		{
			total: integer('How many published practices match.', 0),
			page: integer(
				'The page given: the one asked for, or 1 when the one asked for is past the last.',
				1
			),
			pages: integer('How many pages the matches fill (1 when nothing matches).', 1),
			pageSize: integer('How many practices a full page holds.', 1),
			sort: ref('PracticeSort'),
			query: ref('PracticeSearchQuery'),
			facets: object(
				'For each facet, its values among the matches with how many matches have each, most first; a value asked for that no match has is listed with count 0.',
				Object.fromEntries(
					facets.map((f) => [
						f,
						list(
							ref('PracticeFacetValue'),
							`The values of ${facetText[f].what}.${f === 'city' ? ' At most the twelve most frequent, plus those asked for.' : ''}${f === 'period' ? ' Newest decade first.' : ''}`
						)
					])
				)
			),
			practices: list(ref('PracticeSummary'), 'This page of the matches.')
		}
	),
	PracticeSort: {
		type: 'string',
		enum: [...sorts],
		description:
			'The order of the matches: `relevance` (words in the title weigh most), or `newest` publication first.'
	},
	PracticeSearchQuery: object('The search as it was understood.', {
		q: text('The words searched for, trimmed; empty for none.'),
		filters: object(
			'The facet values every match must have (a repeated value counts once).',
			Object.fromEntries(facets.map((f) => [f, list(facetValue(f), `Values of ${f}.`)]))
		),
		sort: {
			anyOf: [ref('PracticeSort'), { type: 'null' }],
			description:
				'The order asked for; null when none was (relevance when there are words, else newest).'
		},
		page: integer('The page asked for.', 1)
	}),
	PracticeFacetValue: object('A value of a facet among the matches.', {
		value: text("The value, as the facet's parameter takes it."),
		label: text(
			"The value as people read it: a title, a city's name, a commitment; for a country or a decade, the value itself."
		),
		count: integer('How many matches have it.', 0),
		selected: { type: 'boolean', description: 'Whether the search asks for it.' }
	}),
	PracticeSummary: object('A published practice in brief.', {
		slug: slug('Identifies the practice: GET /practices/{slug}.'),
		title: text('Its title, in its language.'),
		summary: text('What it is, in a few sentences.'),
		cities: list(ref('PracticeCity'), 'The cities it comes from, the owner first.'),
		periodFrom: period('The year it started, if known.'),
		periodTo: period('The year it ended (or the last year reported), if known.'),
		language: text('The language it is written in, as a BCP 47 tag (e.g. "en").'),
		publishedAt: {
			type: 'string',
			format: 'date-time',
			description: 'When it was published.'
		},
		href: text('Its page on this site.')
	}),
	PracticeCity: object('A city a practice comes from.', {
		slug: slug('Identifies the city: GET /cities/{slug}.'),
		name: text('Name of the city.')
	}),
	Practice: object(
		'A published practice: the version the network published (later edits are not shown until published).',
		{
			slug: slug('Identifies the practice.'),
			title: text('Its title, in its language.'),
			cities: list(ref('PracticeCity'), 'The cities it comes from, the owner first.'),
			summary: text('What it is, in a few sentences.'),
			description: text('What was done and how, in Markdown (may be empty).'),
			periodFrom: period('The year it started, if known.'),
			periodTo: period('The year it ended (or the last year reported), if known.'),
			themes: list(ref('PracticeTheme'), 'The toolkit themes it relates to.'),
			keyFactors: list(ref('PracticeKeyFactor'), 'The key factors of the toolkits it illustrates.'),
			commitments: list(ref('Commitment'), 'The commitments of the Charter it fulfils.'),
			audience: nullableText('Who it is for.'),
			results: nullableText('What it achieved.'),
			resources: nullableText('What it takes: staff, time, money.'),
			funding: nullableText('Who paid for it.'),
			partners: nullableText('Who the city worked with.'),
			contact: nullableText('Whom to ask about it.'),
			links: list({ type: 'string' }, 'Where to read more: web addresses.'),
			sources: list(
				ref('PracticeSource'),
				"For a practice taken from the network's documents: where, in their words."
			),
			language: text('The language it is written in, as a BCP 47 tag (e.g. "en").'),
			version: integer('The number of the published version.', 1),
			publishedAt: {
				type: 'string',
				format: 'date-time',
				description: 'When it was published.'
			},
			href: text('Its page on this site.')
		}
	),
	PracticeTheme: object('A toolkit theme.', {
		slug: slug('Identifies the theme: the value of the `theme` filter.'),
		title: text('The theme.')
	}),
	PracticeKeyFactor: object('A key factor of a benchmark.', {
		benchmark: slug(
			'The benchmark: GET /benchmarks/{benchmark}/key-factors/{slug}; `benchmark/slug` is the value of the `kf` filter.'
		),
		slug: slug('Identifies the key factor within its benchmark.'),
		number: {
			type: ['integer', 'null'],
			minimum: 1,
			description:
				'Its number within the current version of the benchmark; null if that version no longer has it.'
		},
		title: text('Title of the key factor (its slug if the current version no longer has it).')
	}),
	PracticeSource: object('A passage of a document of the network the practice is taken from.', {
		document: text('The document.'),
		quote: text('What it says, word for word.')
	})
};

const filterParameters = Object.fromEntries(
	facets.map((f) => [
		parameterName(f),
		{
			name: facetParam[f],
			in: 'query',
			required: false,
			description: `Only practices with ${facetText[f].what}, e.g. \`${facetParam[f]}=${facetText[f].example}\`. Repeat it to ask for several values: a match must have all of them. At most ${MAX_VALUES} values; a malformed value is a 400.`,
			style: 'form',
			explode: true,
			schema: { type: 'array', maxItems: MAX_VALUES, items: facetValue(f) }
		}
	])
);

export const paths = {
	'/practices': {
		get: {
			operationId: 'searchPractices',
			tags: ['Practices'],
			summary: 'Search the practice library',
			description: `The published practices that match a search, ${PAGE_SIZE} a page, with the count of every facet value among the matches. It takes the parameters of the library's page on this site (\`/practices?q=…&theme=…\`), so a search there and here is the same query. Without words the newest come first. Every filter narrows the search; a page past the last gives page 1 (\`page\` in the answer says which). A parameter that is not valid (words too long, a malformed or an eleventh value of a filter, an unknown sort, a page that is not a whole number from 1) is a 400 whose message names it; parameters not listed here are ignored.`,
			parameters: [
				parameter('PracticeQuery'),
				...facets.map((f) => parameter(parameterName(f))),
				parameter('PracticeSortParam'),
				parameter('PracticePage')
			],
			responses: {
				'200': ok('The matches.', 'PracticeSearch', 'PublicCache'),
				'400': errors.badRequest
			}
		}
	},
	'/practices/{slug}': {
		get: {
			operationId: 'getPractice',
			tags: ['Practices'],
			summary: 'Read a practice',
			description:
				'One published practice complete: its text (the description in Markdown), its cities, period, the themes, key factors and Charter commitments it relates to, and where it comes from. A practice that is not published (a draft, one under review or rejected) is a 404, as is an unknown slug.',
			parameters: [parameter('PracticeSlug')],
			responses: {
				'200': ok('The practice.', 'Practice', 'PublicCache'),
				'404': errors.notFound
			}
		}
	}
};

export const parameters = {
	PracticeQuery: {
		name: 'q',
		in: 'query',
		required: false,
		description: `Words to search for, in any language a practice is written in (accents ignored). \`"two words"\` asks for a phrase, \`-word\` leaves out, \`or\` gives alternatives. At most ${MAX_QUERY} characters.`,
		schema: { type: 'string', maxLength: MAX_QUERY }
	},
	...filterParameters,
	PracticeSortParam: {
		name: 'sort',
		in: 'query',
		required: false,
		description:
			'The order: `relevance` or `newest`. Without it, relevance when there are words, else newest.',
		schema: ref('PracticeSort')
	},
	PracticePage: {
		name: 'page',
		in: 'query',
		required: false,
		description: `The page, from 1. A page past the last gives page 1.`,
		schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE }
	},
	PracticeSlug: {
		name: 'slug',
		in: 'path',
		required: true,
		description: 'The practice, e.g. `genoa-diversity-in-heritage-and-history`.',
		schema: slug('A practice slug.')
	}
};
