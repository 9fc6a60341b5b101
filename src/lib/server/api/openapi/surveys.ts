// Surveys the network runs (their latest published questions) and their campaigns: which
// edition went to which cities when, and how many answered. Answers are not in it.
import { locales } from '#lib/paraglide/runtime.js';
import {
	errors,
	integer,
	list,
	object,
	ok,
	parameter,
	ref,
	slug,
	text,
	type Schema
} from './helpers.ts';

const day = (description: string): Schema => ({
	type: ['string', 'null'],
	format: 'date',
	description
});

/** Optional properties, shape still fixed (a definition's question has only what its type needs). */
function loose(description: string, required: string[], properties: Record<string, Schema>) {
	return { type: 'object', description, additionalProperties: false, required, properties };
}

const localizedText = ref('LocalizedText');
const keyText = (description: string): Schema => ({
	type: 'string',
	pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
	description
});

export const schemas: Record<string, Schema> = {
	LocalizedText: loose(
		'A text in English and in the other languages of the platform it was translated into (`en`, `fr`, `de`, `it`, `es`, `pl`, `uk`, `ar`).',
		['en'],
		Object.fromEntries(locales.map((l) => [l, text(`The text in ${l}.`)]))
	),
	SurveyRef: object('A survey in brief.', {
		slug: slug('Identifies the survey: GET /surveys/{slug}.'),
		title: localizedText
	}),
	SurveyList: object('The surveys that have a published version.', {
		surveys: list(ref('SurveySummary'), 'Surveys by slug.')
	}),
	SurveySummary: object('A survey and the number of its latest published version.', {
		slug: slug('Identifies the survey.'),
		title: localizedText,
		summary: localizedText,
		version: integer('The latest published version.', 1),
		href: text('The survey in this API.')
	}),
	Survey: object("A survey's latest published version: its sections and questions.", {
		slug: slug('Identifies the survey.'),
		title: localizedText,
		summary: localizedText,
		version: integer('The version.', 1),
		publishedAt: {
			type: ['string', 'null'],
			format: 'date-time',
			description: 'When the version was published.'
		},
		sections: list(ref('SurveySection'), 'Sections in order.')
	}),
	SurveySection: loose('A section of questions.', ['key', 'title', 'questions'], {
		key: keyText('Identifies the section.'),
		title: localizedText,
		intro: localizedText,
		questions: list(ref('SurveyQuestion'), 'Questions in order.')
	}),
	SurveyQuestion: loose(
		'A question. Its key stays the same across versions, so editions can be compared.',
		['key', 'type', 'label', 'required'],
		{
			key: keyText('Identifies the question.'),
			type: {
				type: 'string',
				enum: [
					'text',
					'long_text',
					'number',
					'single',
					'multiple',
					'scale',
					'commitments',
					'table',
					'date'
				],
				description: 'How it is answered.'
			},
			label: localizedText,
			help: localizedText,
			required: { type: 'boolean', description: 'Whether it must be answered.' },
			unit: localizedText,
			min: { type: 'number', description: 'Smallest accepted number.' },
			max: { type: 'number', description: 'Largest accepted number.' },
			options: list(ref('SurveyOption'), 'The choices (one or several choices).'),
			rows: list(ref('SurveyOption'), 'The rows of a table.'),
			columns: list(ref('SurveyOption'), 'The columns of a table.'),
			commitments: list(text('A commitment slug.'), 'The Charter commitments asked.'),
			showIf: object('Shown only when an earlier question was answered so.', {
				question: keyText('The earlier question.'),
				values: list(text('An answer.'), 'Any of these answers.')
			})
		}
	),
	SurveyOption: object('A choice, row or column.', {
		key: keyText('Identifies it.'),
		label: localizedText
	}),
	CampaignList: object('Campaigns sent to cities, newest first.', {
		campaigns: list(ref('Campaign'), 'The campaigns.')
	}),
	Campaign: object('An edition of a survey sent to a group of cities between two dates.', {
		slug: slug('Identifies the campaign: GET /campaigns/{slug}.'),
		survey: ref('SurveyRef'),
		version: integer('The survey version the cities answer.', 1),
		edition: text('The edition, e.g. "2027".'),
		target: {
			type: 'string',
			enum: ['signatories', 'members', 'chosen'],
			description:
				'Who it went to: the Charter signatories, all member cities, or cities the network chose.'
		},
		opensOn: day('First day for answers (null for an edition held before this platform).'),
		closesOn: day('Last day for answers (null when unknown).'),
		status: {
			type: 'string',
			enum: ['scheduled', 'open', 'closed'],
			description: 'Not yet open, open for answers, or closed.'
		},
		targets: integer('How many cities it went to.', 0),
		submitted: integer('How many of them submitted their response.', 0)
	})
};

export const paths = {
	'/surveys': {
		get: {
			operationId: 'listSurveys',
			tags: ['Surveys'],
			summary: 'List the surveys',
			description:
				'The surveys the network runs that have a published version, with the number of that version.',
			responses: { '200': ok('The surveys.', 'SurveyList', 'PublicCache') }
		}
	},
	'/surveys/{slug}': {
		get: {
			operationId: 'getSurvey',
			tags: ['Surveys'],
			summary: 'Read a survey',
			description:
				'The latest published version of a survey: its sections and questions, each label in English and the languages it was translated into. A survey with nothing published, or an unknown slug, is a 404.',
			parameters: [parameter('SurveySlug')],
			responses: {
				'200': ok('The survey.', 'Survey', 'PublicCache'),
				'404': errors.notFound
			}
		}
	},
	'/campaigns': {
		get: {
			operationId: 'listCampaigns',
			tags: ['Surveys'],
			summary: 'List the campaigns',
			description:
				'The campaigns sent to cities (open, scheduled or closed; never drafts), with their dates and how many cities submitted.',
			responses: { '200': ok('The campaigns.', 'CampaignList', 'PublicCache') }
		}
	},
	'/campaigns/{slug}': {
		get: {
			operationId: 'getCampaign',
			tags: ['Surveys'],
			summary: 'Read a campaign',
			description:
				'A campaign sent to cities: survey, edition, target group, dates, status and response rate. A draft or an unknown slug is a 404.',
			parameters: [parameter('CampaignSlug')],
			responses: {
				'200': ok('The campaign.', 'Campaign', 'PublicCache'),
				'404': errors.notFound
			}
		}
	}
};

export const parameters = {
	SurveySlug: {
		name: 'slug',
		in: 'path',
		required: true,
		description: 'The survey, e.g. `charter-monitoring`.',
		schema: slug('The survey.')
	},
	CampaignSlug: {
		name: 'slug',
		in: 'path',
		required: true,
		description: 'The campaign, e.g. `refugee-reception-2015`.',
		schema: slug('The campaign.')
	}
};
