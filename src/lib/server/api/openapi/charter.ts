// The Integrating Cities Charter, its signatories and how many signed when.
import {
	integer,
	list,
	nullableText,
	object,
	ok,
	ref,
	slug,
	text,
	type Schema
} from './helpers.ts';

export const schemas: Record<string, Schema> = {
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
	})
};

export const paths = {
	'/charter': {
		get: {
			operationId: 'getCharter',
			tags: ['Charter'],
			summary: 'Read the Integrating Cities Charter',
			description:
				'The Charter: what a signatory city commits to as a policy-maker, a service provider, an employer and a buyer of goods and services; the cities that signed it, with when and where where known; and how many cities had signed at various dates, as sources say.',
			responses: { '200': ok('The Charter.', 'Charter', 'PublicCache') }
		}
	}
};
