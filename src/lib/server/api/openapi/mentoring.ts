// City-to-city mentoring (ImpleMentoring): engagements between a mentor city and an
// implementing city, and the action plans cities keep (inside an engagement, or their own).
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

const uuid = (description: string): Schema => ({ type: 'string', format: 'uuid', description });
const day = (description: string): Schema => ({
	type: ['string', 'null'],
	format: 'date',
	description
});
const period = (description: string): Schema => ({
	type: ['string', 'null'],
	pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$',
	description: `${description} As precise as known: a year, a month (YYYY-MM) or a day.`
});
const actionStatus: Schema = {
	type: 'string',
	enum: ['planned', 'in_progress', 'done', 'dropped'],
	description: 'Where the action stands.'
};
const city = (description: string): Schema =>
	object(description, { slug: slug('The city: GET /cities/{slug}.'), name: text('Its name.') });

export const schemas: Record<string, Schema> = {
	EngagementCity: city('A city of the engagement.'),
	Engagement: object(
		'A mentoring engagement: a mentor city guides an implementing city on a toolkit theme.',
		{
			slug: slug('Identifies it: GET /engagements/{slug}.'),
			title: text('What it is called.'),
			summary: text('What anyone may read of it, in a few sentences.'),
			theme: slug('The toolkit theme it works on (a theme of GET /benchmarks).'),
			periodFrom: period('When it began.'),
			periodTo: period('When it ended or ends; null while open.'),
			status: {
				type: 'string',
				enum: ['active', 'follow_up', 'closed'],
				description: 'Accepted and under way, in follow-up, or closed.'
			},
			mentor: ref('EngagementCity'),
			implementing: ref('EngagementCity'),
			href: text('Its public page on this site.'),
			plan: nullable(
				ref('EngagementPublicPlan'),
				'The implementing city’s plan as the public sees it; null while there is none.'
			),
			workspace: nullable(
				ref('EngagementWorkspace'),
				'For the two cities’ people and network admins only (the answer is then private): the rest of the engagement. Null for everyone else.'
			)
		}
	),
	EngagementPublicPlan: object('The planned actions and the dated results (no comments).', {
		actions: list(
			object('A planned action.', {
				position: integer('Its place in the plan, from 1.', 1),
				title: text('What it is.'),
				status: actionStatus
			}),
			'In the plan’s order.'
		),
		results: list(
			object('A result: what happened, and when.', {
				text: text('What happened.'),
				happenedOn: day('The day, when it was one day.'),
				when: nullableText('When, in words, when it was not one day (e.g. "May–June 2014").'),
				action: {
					type: ['integer', 'null'],
					minimum: 1,
					description: 'The position of the action it belongs to, if any.'
				}
			}),
			'Oldest first.'
		)
	}),
	EngagementWorkspace: object('What the two cities write together.', {
		id: uuid('The engagement in the cities’ workspaces.'),
		parts: list(
			object('A part of the engagement (Markdown).', {
				kind: {
					type: 'string',
					enum: [
						'needs',
						'mentor_strengths',
						'implementing_strengths',
						'ambition',
						'plan',
						'obstacles',
						'inspiration',
						'follow_up'
					],
					description:
						'Which part: the implementing city’s needs and challenges, each city’s strengths, the ambition, the plan, the obstacles, inspiration from other cities, the follow-up.'
				},
				text: text('Its text, in Markdown; empty while not written.')
			}),
			'Every part, in this order.'
		),
		visits: list(
			object('A study visit.', {
				visitedOn: day('The day of the visit, when known.'),
				place: text('Where.'),
				visitors: text('Who went.'),
				met: text('Whom they met.'),
				topics: text('What they talked about.')
			}),
			'The visits.'
		),
		planId: {
			type: ['string', 'null'],
			format: 'uuid',
			description: 'The engagement’s action plan: GET /plans/{planId}; null while none.'
		}
	}),
	Plan: object('An action plan complete.', {
		id: uuid('Identifies it: GET /plans/{planId}.'),
		title: text('What it is called.'),
		city: nullable(ref('EngagementCity'), 'The city whose plan it is.'),
		engagement: nullable(
			object('The engagement it belongs to.', {
				id: uuid('The engagement in the workspaces.'),
				title: text('Its title.'),
				status: {
					type: 'string',
					enum: ['proposed', 'active', 'follow_up', 'closed', 'declined'],
					description: 'Where it stands.'
				},
				mentor: nullable(ref('EngagementCity'), 'The mentor city.'),
				implementing: nullable(ref('EngagementCity'), 'The implementing city.')
			}),
			'Null for a city’s own plan.'
		),
		asOf: {
			type: 'string',
			format: 'date',
			description: 'Today (UTC): what overdue is counted from.'
		},
		actions: list(ref('PlanAction'), 'In the plan’s order.'),
		log: list(ref('PlanLogEntry'), 'The implementation log.')
	}),
	PlanAction: object('An action of the plan.', {
		id: uuid('Identifies the action.'),
		position: integer('Its place in the plan, from 1.', 1),
		title: text('What it is.'),
		description: text('What will be done, and how.'),
		status: actionStatus,
		droppedReason: nullableText('Why it was dropped, when it was.'),
		overdue: {
			type: 'boolean',
			description: 'Its due day has passed and it is neither done nor dropped.'
		},
		owner: nullableText('Who is in charge: a person or a body.'),
		startOn: day('When it starts.'),
		dueOn: day('When it is due.'),
		progress: { type: 'integer', minimum: 0, maximum: 100, description: 'Percent done.' },
		keyFactors: list(
			object('A key factor it addresses.', {
				benchmark: slug('The benchmark.'),
				slug: slug('The key factor.'),
				number: {
					type: ['integer', 'null'],
					minimum: 1,
					description: 'Its number in the benchmark.'
				},
				title: text('Its title.')
			}),
			'The key factors it addresses.'
		),
		questions: list(
			object('A guide question it addresses.', {
				questionId: text('The question in the benchmark.'),
				text: text('The question as it was asked.')
			}),
			'The assessment questions it addresses.'
		),
		obstacles: text('What stands in the way.'),
		resources: text('What it needs.'),
		comments: integer('How many comments the two cities wrote on it.', 0)
	}),
	PlanLogEntry: object('What happened, and when.', {
		id: uuid('Identifies the entry.'),
		happenedOn: day('The day, when it was one day.'),
		when: nullableText('When, in words, when it was not one day.'),
		text: text('What happened.'),
		links: list(text('A web address (http or https).'), 'Web pages about it.'),
		actionId: {
			type: ['string', 'null'],
			format: 'uuid',
			description: 'The action it is about; null for the plan as a whole.'
		},
		files: list(
			object('A file kept with it.', {
				filename: text('Its name.'),
				size: integer('Its size in bytes.', 0),
				contentType: text('Its type.')
			}),
			'Files kept with it.'
		)
	})
};

export const paths = {
	'/engagements/{slug}': {
		get: {
			operationId: 'getEngagement',
			tags: ['Mentoring'],
			summary: 'Read a mentoring engagement',
			description:
				'An accepted engagement (active, in follow-up or closed): its cities, theme, period, summary, the planned actions and dated results. The two cities’ people and network admins also get `workspace`: its parts, visits and the id of its action plan (and the answer is then private). A proposal, a declined engagement or an unknown slug is a 404.',
			parameters: [parameter('EngagementSlug')],
			responses: {
				'200': ok('The engagement.', 'Engagement', 'EngagementCache'),
				'404': errors.notFound
			}
		}
	},
	'/plans/{planId}': {
		get: {
			operationId: 'getPlan',
			tags: ['Mentoring', 'Workspace'],
			summary: 'Read an action plan',
			description:
				'An action plan complete: its actions in order (status, owner, dates, progress, key factors and questions, obstacles, resources, how many comments) and its implementation log. For its city’s people, and for an engagement’s plan the mentor city’s people and network admins.',
			security: [{ sessionCookie: [] }],
			parameters: [parameter('PlanId')],
			responses: {
				'200': ok('The plan.', 'Plan', 'PrivateCache'),
				'401': errors.unauthorized,
				'404': errors.notFound
			}
		}
	}
};

export const parameters = {
	EngagementSlug: {
		name: 'slug',
		in: 'path',
		required: true,
		description: 'The engagement, e.g. `tampere-mentoring-lublin`.',
		schema: slug('The engagement.')
	},
	PlanId: {
		name: 'planId',
		in: 'path',
		required: true,
		description: 'The plan (from `workspace.planId` of an engagement).',
		schema: uuid('The plan.')
	}
};
