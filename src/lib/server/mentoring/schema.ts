import {
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/schema.ts';
import { city } from '../cities/schema.ts';
import { assessment } from '../assessments/schema.ts';
import type { KeyFactorRef } from '../practices/schema.ts';

/**
 * ImpleMentoring (seed 000: Tampere mentoring Lublin 2012–2014): a mentor city guides an
 * implementing city. Proposed by one city (or set up by a network admin), accepted by the
 * other, then active, then in follow-up, then closed; a proposal can be declined.
 */
export const engagementStatusEnum = pgEnum('engagement_status', [
	'proposed',
	'active',
	'follow_up',
	'closed',
	'declined'
]);

export const engagement = pgTable(
	'engagement',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** For the public summary page: /engagements/{slug}. */
		slug: text('slug').notNull().unique(),
		mentorCityId: uuid('mentor_city_id')
			.notNull()
			.references(() => city.id, { onDelete: 'cascade' }),
		implementingCityId: uuid('implementing_city_id')
			.notNull()
			.references(() => city.id, { onDelete: 'cascade' }),
		/** The toolkit theme it works on (a theme's slug, e.g. enhancing-public-perception). */
		themeSlug: text('theme_slug').notNull(),
		title: text('title').notNull(),
		/** What anyone may read of it (the public summary). */
		summary: text('summary').notNull().default(''),
		/** As precise as known: "2012", "2013-09" or "2013-09-15" (the seeds give years). */
		periodFrom: text('period_from'),
		periodTo: text('period_to'),
		status: engagementStatusEnum('status').notNull().default('proposed'),
		/** The city that proposed it; null when a network admin set it up (active at once). */
		proposedByCityId: uuid('proposed_by_city_id').references(() => city.id, {
			onDelete: 'set null'
		}),
		/** Why the other city declined, when it did. */
		declineReason: text('decline_reason'),
		fromSeed: boolean('from_seed').notNull().default(false),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('engagement_mentor_idx').on(t.mentorCityId),
		index('engagement_implementing_idx').on(t.implementingCityId)
	]
);

/** The parts of an engagement the seed shows, each one text both cities can read. */
export const engagementPartKinds = [
	'needs',
	'mentor_strengths',
	'implementing_strengths',
	'ambition',
	'plan',
	'obstacles',
	'inspiration',
	'follow_up'
] as const;
export const engagementPartEnum = pgEnum('engagement_part_kind', engagementPartKinds);

export const engagementPart = pgTable(
	'engagement_part',
	{
		engagementId: uuid('engagement_id')
			.notNull()
			.references(() => engagement.id, { onDelete: 'cascade' }),
		kind: engagementPartEnum('kind').notNull(),
		/** Markdown. */
		text: text('text').notNull().default(''),
		/** Counts saves, so that two people editing at once get a conflict, not a silent loss. */
		revision: integer('revision').notNull().default(0),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.engagementId, t.kind] })]
);

/** A study visit: who went where, whom they met, what they talked about. */
export const visit = pgTable(
	'visit',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		engagementId: uuid('engagement_id')
			.notNull()
			.references(() => engagement.id, { onDelete: 'cascade' }),
		/** Null when the seeds do not say (never guessed). */
		visitedOn: date('visited_on'),
		place: text('place').notNull(),
		visitors: text('visitors').notNull().default(''),
		met: text('met').notNull().default(''),
		topics: text('topics').notNull().default(''),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('visit_engagement_idx').on(t.engagementId)]
);

/** A city's action plan: inside an engagement (the implementing city's) or its own. */
export const actionPlan = pgTable(
	'action_plan',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cityId: uuid('city_id')
			.notNull()
			.references(() => city.id, { onDelete: 'cascade' }),
		/** At most one plan per engagement. */
		engagementId: uuid('engagement_id')
			.unique()
			.references(() => engagement.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('action_plan_city_idx').on(t.cityId)]
);

export const actionStatusEnum = pgEnum('action_status', [
	'planned',
	'in_progress',
	'done',
	'dropped'
]);

/** A guide question an action addresses: the benchmark's question id and its text then. */
export interface QuestionRef {
	questionId: string;
	text: string;
}

export const action = pgTable(
	'action',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => actionPlan.id, { onDelete: 'cascade' }),
		/** Order in the plan, from 1. */
		position: integer('position').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		keyFactors: jsonb('key_factors').$type<KeyFactorRef[]>().notNull().default([]),
		questions: jsonb('questions').$type<QuestionRef[]>().notNull().default([]),
		/** The person in charge, when they have an account (reminders go to them). */
		ownerUserId: text('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** The person or body in charge as written (the seed's actions name no person). */
		ownerName: text('owner_name'),
		startOn: date('start_on'),
		dueOn: date('due_on'),
		status: actionStatusEnum('status').notNull().default('planned'),
		droppedReason: text('dropped_reason'),
		/** Percent, 0–100. */
		progress: integer('progress').notNull().default(0),
		obstacles: text('obstacles').notNull().default(''),
		resources: text('resources').notNull().default(''),
		/** The assessment whose "what more to do" line it was made from. */
		fromAssessmentId: uuid('from_assessment_id').references(() => assessment.id, {
			onDelete: 'set null'
		}),
		revision: integer('revision').notNull().default(0),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('action_plan_idx').on(t.planId, t.position),
		index('action_due_idx').on(t.status, t.dueOn)
	]
);

/** A comment on an action: both cities of an engagement write in the same thread. */
export const actionComment = pgTable(
	'action_comment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		actionId: uuid('action_id')
			.notNull()
			.references(() => action.id, { onDelete: 'cascade' }),
		/** The city the writer spoke for (mentor or implementing); null for a network admin. */
		cityId: uuid('city_id').references(() => city.id, { onDelete: 'set null' }),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		authorName: text('author_name').notNull(),
		/** A suggestion (by the mentor) rather than a remark. */
		isSuggestion: boolean('is_suggestion').notNull().default(false),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('action_comment_action_idx').on(t.actionId, t.createdAt)]
);

/** The implementation log: what happened, when ("first meeting on 12 February 2014"). */
export const logEntry = pgTable(
	'log_entry',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => actionPlan.id, { onDelete: 'cascade' }),
		actionId: uuid('action_id').references(() => action.id, { onDelete: 'set null' }),
		/** When it happened; a month or a span as the seeds give it stays in `when`. */
		happenedOn: date('happened_on'),
		/** The date as written when it is not one day ("May–June 2014"). */
		when: text('when'),
		text: text('text').notNull(),
		links: jsonb('links').$type<string[]>().notNull().default([]),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('log_entry_plan_idx').on(t.planId, t.happenedOn)]
);

/** A file of a log entry, kept in the same storage as assessment evidence. */
export const logFile = pgTable(
	'log_file',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		entryId: uuid('entry_id')
			.notNull()
			.references(() => logEntry.id, { onDelete: 'cascade' }),
		filename: text('filename').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		storageKey: text('storage_key').notNull(),
		uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('log_file_entry_idx').on(t.entryId)]
);

/** A person's choice about the reminder mails (no row: reminders on). */
export const reminderPreference = pgTable('reminder_preference', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	actionReminders: boolean('action_reminders').notNull().default(true),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
