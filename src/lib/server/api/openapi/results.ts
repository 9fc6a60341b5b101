// Surveys: the results of a campaign (one edition of a survey), as published by the network.
import {
	errors,
	integer,
	list,
	nullableText,
	object,
	ok,
	parameter,
	slug,
	text,
	type Schema
} from './helpers.ts';

const figure = (description: string): Schema => ({ type: ['number', 'null'], description });
const share = (description: string): Schema =>
	object(description, {
		value: text('The answer: an option key, a scale point (1–5), or yes | partly | no.'),
		label: text('How it reads (the option’s label in English).'),
		count: integer('Submitted responses that gave it.', 0),
		share: {
			type: 'number',
			minimum: 0,
			maximum: 1,
			description: 'count / the submitted responses that answered the question.'
		}
	});

export const schemas: Record<string, Schema> = {
	CampaignResults: object(
		'A campaign’s results: response rate, figures per question and the table by city. Only submitted responses are counted; an unknown value is null, never 0.',
		{
			survey: object('The survey.', {
				slug: slug('The survey.'),
				title: text('Its title (English).')
			}),
			campaign: object('The campaign (edition).', {
				slug: slug('Identifies it: GET /campaigns/{slug}/results.'),
				edition: text('The edition, e.g. "2015".'),
				status: {
					type: 'string',
					enum: ['draft', 'sent', 'closed'],
					description: 'Where it stands.'
				},
				published: { type: 'boolean', description: 'Whether its results are public.' },
				reportedNote: nullableText('What is known beyond the responses held here.'),
				source: nullableText('Where the figures come from.')
			}),
			href: nullableText('Its public page on this site, once published.'),
			rate: object('The response rate.', {
				targets: integer('Cities it was sent to.', 0),
				submitted: integer('Cities that submitted.', 0),
				rate: figure('submitted / targets; null without targets.')
			}),
			sections: list(
				object('A section of the survey.', {
					key: text('Its key.'),
					title: text('Its title.'),
					questions: list(
						object('A question and its figures.', {
							key: text('Its key: the same key in every edition of the survey.'),
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
								description: 'The kind of answer.'
							},
							label: text('The question.'),
							unit: text('The unit of its numbers, if any.'),
							answered: integer('Submitted responses that answered it.', 0),
							numbers: list(
								object('Figures of one number (a table: one cell).', {
									cell: text('The table cell as rowKey/columnKey; empty for a number or scale.'),
									row: text('The cell’s row label.'),
									column: text('The cell’s column label.'),
									count: integer('Values given (unknown ones are not counted).', 0),
									sum: figure('Sum; null without values.'),
									mean: figure('Mean; null without values.'),
									median: figure('Median (continuous); null without values.'),
									min: figure('Smallest value.'),
									max: figure('Largest value.')
								}),
								'number, scale and table questions; empty otherwise.'
							),
							distribution: list(
								share('An answer and how many gave it.'),
								'single, multiple and scale questions.'
							),
							commitments: list(
								object('One Charter commitment.', {
									slug: text('The commitment.'),
									label: text('Its text.'),
									distribution: list(share('yes, partly or no.'), 'The three answers.')
								}),
								'commitments questions.'
							)
						}),
						'In the survey’s order.'
					)
				}),
				'The sections with questions the reader may see.'
			),
			columns: list(
				object('A column of the table by city.', {
					question: text('The question key.'),
					cell: nullableText('The table cell or commitment; null for a one-value question.'),
					label: text('The column heading.')
				}),
				'The columns of `cities[].values`.'
			),
			cities: list(
				object('A city that submitted.', {
					slug: slug('The city.'),
					name: text('Its name.'),
					values: list(
						{ type: ['number', 'string', 'null'], description: 'The value; null when unknown.' },
						'One per column.'
					)
				}),
				'By name; the first 200 (see citiesComplete).'
			),
			citiesComplete: {
				type: 'boolean',
				description: 'False when more cities submitted than listed.'
			}
		}
	)
};

export const paths = {
	'/campaigns/{slug}/results': {
		get: {
			operationId: 'getCampaignResults',
			tags: ['Surveys'],
			summary: 'Read a campaign’s results',
			description:
				'The results of one edition of a survey: the response rate, per question the count of answers, for numbers the sum, mean, median, minimum and maximum, for choices the share of each answer, and the table by city. Only submitted responses count. Everyone reads the questions the network made public once it published the results; network admins read every question of any campaign (the answer is then private). Unknown or unpublished: 404.',
			parameters: [parameter('CampaignSlug')],
			responses: {
				'200': ok('The results.', 'CampaignResults', 'ResultsCache'),
				'404': errors.notFound
			}
		}
	}
};

export const parameters = {
	CampaignSlug: {
		name: 'slug',
		in: 'path',
		required: true,
		description: 'The campaign, e.g. `refugee-reception-2015`.',
		schema: slug('The campaign.')
	}
};
