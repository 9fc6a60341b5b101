// A city's own responses to the network's survey campaigns (needs a session of
// someone who answers surveys for that city).
import {
	errors,
	list,
	nullable,
	object,
	ok,
	parameter,
	slug,
	text,
	type Schema
} from './helpers.ts';

const answerValue: Schema = {
	description:
		'One answer: a text, an option key or a day (YYYY-MM-DD) as a string; a number or a point of the 1–5 scale as a number; several choices as a list of option keys (empty: "none of these"); commitments as an object of commitment slug → "yes" | "partly" | "no"; a table as an object of "rowKey/columnKey" → number.',
	anyOf: [
		{ type: 'string' },
		{ type: 'number' },
		{ type: 'array', items: { type: 'string' } },
		{
			type: 'object',
			additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }] }
		}
	]
};

export const schemas: Record<string, Schema> = {
	CityResponses: object("A city's responses to the survey campaigns it was sent.", {
		city: object('The city.', {
			slug: slug('The city: GET /cities/{slug}.'),
			name: text('Its name.')
		}),
		responses: list(
			object('The response to one campaign.', {
				campaign: slug('The campaign (one edition of a survey).'),
				edition: text('The edition, e.g. "2026".'),
				survey: slug('The survey it is an edition of.'),
				status: {
					type: 'string',
					enum: ['not_started', 'in_progress', 'submitted'],
					description: 'How far the city has come.'
				},
				submittedAt: nullable(
					{ type: 'string', format: 'date-time' },
					'When the city submitted it; null until then.'
				),
				answers: {
					type: 'object',
					description:
						'The answers given, keyed by question key (the same across editions). Questions not answered, and questions hidden by the city’s own answers (show-if), are left out.',
					additionalProperties: answerValue
				}
			}),
			'Open campaigns first.'
		)
	})
};

export const paths = {
	'/cities/{citySlug}/responses': {
		get: {
			operationId: 'listCityResponses',
			tags: ['Surveys', 'Workspace'],
			summary: "Read a city's survey responses",
			description:
				"The city's own responses to the network's survey campaigns: each campaign's status and the answers keyed by question. For the city's coordinators and contributors only; anyone else gets 404.",
			security: [{ sessionCookie: [] }],
			parameters: [parameter('CitySlugOfResponses')],
			responses: {
				'200': ok('The responses.', 'CityResponses', 'PrivateCache'),
				'401': errors.unauthorized,
				'404': errors.notFound
			}
		}
	}
};

export const parameters = {
	CitySlugOfResponses: {
		name: 'citySlug',
		in: 'path',
		required: true,
		description: 'The city, e.g. `lublin`.',
		schema: slug('The city.')
	}
};
