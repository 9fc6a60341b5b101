// The cities of the network, and a city's members (private to its workspace).
import { cityRoles } from '../../access/index.ts';
import { cityFigures } from '../../cities/schema.ts';
import {
	errors,
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

export const schemas: Record<string, Schema> = {
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
			examples: list(ref('CityExampleRef'), "The city's examples in current benchmarks."),
			facts: object("The city's figures, each value with its year and source.", {
				current: list(
					ref('CityFact'),
					'The current value of each figure known: the latest by year, then the latest recorded. A figure never recorded is absent.'
				),
				history: list(
					ref('CityFact'),
					'Every value recorded, by figure, the current one of each figure first.'
				)
			})
		}
	),
	CityFact: object('A value of one of the figures of a city, as recorded.', {
		figure: {
			type: 'string',
			enum: [...cityFigures],
			description:
				'Which figure: the population, the share of residents with a migrant background (percent) or the share of foreign nationals (percent).'
		},
		value: {
			type: 'number',
			minimum: 0,
			description: 'The value: people, or percent for a share.'
		},
		year: {
			type: ['integer', 'null'],
			description: 'The year the value refers to; null where the source gives none.'
		},
		source: text('Where the value comes from.'),
		recordedAt: { type: 'string', format: 'date-time', description: 'When it was recorded.' }
	}),
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
	}
};

export const paths = {
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
				'One city: what is known of it (population, shares of residents with a migrant background or foreign nationality, each with its year and source, current and history), its signature of the Charter, and where the toolkits cite it as an example.',
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
	}
};

export const parameters = {
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
	}
};
