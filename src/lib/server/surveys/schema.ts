import {
	boolean,
	date,
	doublePrecision,
	bigint,
	index,
	integer,
	jsonb,
	numeric,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/schema.ts';
import { city } from '../cities/schema.ts';
import type { Localized, SurveyDefinition } from './definition.ts';

/**
 * A survey the network runs again and again (the annual Charter monitoring, the 2015 refugee
 * reception survey): its questions live in versions, its editions are campaigns.
 */
export const survey = pgTable('survey', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	title: jsonb('title').$type<Localized>().notNull(),
	summary: jsonb('summary').$type<Localized>().notNull().default({ en: '' }),
	fromSeed: boolean('from_seed').notNull().default(false),
	createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const surveyVersionStatusEnum = pgEnum('survey_version_status', ['draft', 'published']);

/**
 * The questions of a survey at one point in time. A draft is edited; a published version never
 * changes again (campaigns answer it), so a change is a new draft copied from the last one.
 * Question keys stay the same across versions: the key is what the trend across editions follows.
 */
export const surveyVersion = pgTable(
	'survey_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		status: surveyVersionStatusEnum('status').notNull().default('draft'),
		definition: jsonb('definition').$type<SurveyDefinition>().notNull(),
		/** Counts saves of a draft, so that two admins editing at once get a conflict. */
		revision: integer('revision').notNull().default(0),
		/** What changed since the version before, in the admin's words. */
		note: text('note').notNull().default(''),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp('published_at', { withTimezone: true })
	},
	(t) => [unique('survey_version_number_uq').on(t.surveyId, t.number)]
);

/** Who a campaign goes to; the chosen cities are the responses created when it is sent. */
export const campaignTargetEnum = pgEnum('campaign_target', ['signatories', 'members', 'chosen']);

/** draft: being prepared; sent: the cities have it (open between its dates); closed: ended early or by date. */
export const campaignStatusEnum = pgEnum('campaign_status', ['draft', 'sent', 'closed']);

/** One edition of a survey sent to a group of cities between an opening and a closing date. */
export const campaign = pgTable(
	'campaign',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id, { onDelete: 'cascade' }),
		/** The published version the cities answer. */
		versionId: uuid('version_id')
			.notNull()
			.references(() => surveyVersion.id),
		/** The edition's name, e.g. "2015" or "2026". */
		edition: text('edition').notNull(),
		target: campaignTargetEnum('target').notNull(),
		status: campaignStatusEnum('status').notNull().default('draft'),
		/** Required to send; null only for an edition held before the platform whose dates are unknown. */
		opensOn: date('opens_on'),
		closesOn: date('closes_on'),
		/** Days before the closing date on which cities that have not submitted are reminded. */
		reminderDays: integer('reminder_days').notNull().default(7),
		/** A word to the cities, shown above the survey. */
		message: jsonb('message').$type<Localized>().notNull().default({ en: '' }),
		/** Results on the public page: null until the network chooses to publish. */
		resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
		/** Question keys whose results are public (free text usually is not). */
		publicQuestions: text('public_questions').array().notNull().default([]),
		/** What is known beyond the responses held here (seed: "34 cities in 17 EU member states and Norway"). */
		reportedNote: jsonb('reported_note').$type<Localized>(),
		source: text('source'),
		fromSeed: boolean('from_seed').notNull().default(false),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('campaign_survey_idx').on(t.surveyId)]
);

export const responseStatusEnum = pgEnum('survey_response_status', [
	'not_started',
	'in_progress',
	'submitted'
]);

/**
 * One target city's response to a campaign, created for every target when the campaign is sent
 * (so the response rate is submitted / rows). Reopening sets it back to in_progress.
 */
export const surveyResponse = pgTable(
	'survey_response',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		campaignId: uuid('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		cityId: uuid('city_id')
			.notNull()
			.references(() => city.id, { onDelete: 'cascade' }),
		status: responseStatusEnum('status').notNull().default('not_started'),
		/** Counts saves, so that a stale page cannot overwrite a newer answer unseen. */
		revision: integer('revision').notNull().default(0),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		submittedBy: text('submitted_by').references(() => user.id, { onDelete: 'set null' }),
		/** A city asks the network to reopen a submitted response; the admin reopens or not. */
		reopenRequestedAt: timestamp('reopen_requested_at', { withTimezone: true }),
		reopenReason: text('reopen_reason'),
		reopenedAt: timestamp('reopened_at', { withTimezone: true }),
		lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
		fromSeed: boolean('from_seed').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('survey_response_campaign_city_uq').on(t.campaignId, t.cityId),
		index('survey_response_city_idx').on(t.cityId)
	]
);

/** A section of a response: who it was handed to, and whether they marked it complete. */
export const responseSection = pgTable(
	'survey_response_section',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => surveyResponse.id, { onDelete: 'cascade' }),
		sectionKey: text('section_key').notNull(),
		assigneeId: text('assignee_id').references(() => user.id, { onDelete: 'set null' }),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.responseId, t.sectionKey] })]
);

/**
 * One value of an answer. Rows, not a JSON document per response, so that counts, sums,
 * medians and distributions are SQL aggregates over (campaign, question, cell).
 * How each question type is held (see definition.ts):
 * - text, long text, one choice (option key), date (YYYY-MM-DD): cell '', text
 * - number, scale: cell '', number
 * - several choices: one row per chosen option, cell = option key, number 1;
 *   "none of these" chosen is one row with cell '' and number 0
 * - yes/partly/no per Charter commitment: cell = commitment slug, text 'yes' | 'partly' | 'no'
 * - table of numbers: cell = 'rowKey/columnKey', number (an empty cell has no row)
 */
export const surveyAnswer = pgTable(
	'survey_answer',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => surveyResponse.id, { onDelete: 'cascade' }),
		/** The response's campaign, repeated so that aggregates read one index, not a join. */
		campaignId: uuid('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		questionKey: text('question_key').notNull(),
		cell: text('cell').notNull().default(''),
		number: doublePrecision('number'),
		text: text('text'),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.questionKey, t.cell] }),
		index('survey_answer_campaign_question_idx').on(t.campaignId, t.questionKey, t.cell, t.number)
	]
);

/**
 * The figures of a campaign's submitted answers, kept up to date by the database (triggers of
 * migration 0015 on survey_answer, survey_response and campaign), so that results read a few
 * hundred rows, not millions of answers. One row per (question, cell, value):
 * - value '': the cell's answer rows, how many hold a number, and their sum (numeric: exact
 *   when answers are added and taken away again);
 * - value 't:<text>' or 'n:<number>': how many rows give that answer, for the counted types
 *   only (one choice, several choices, scale, commitments), not per distinct number;
 * - value '*' (cell ''): how many submitted responses answered the question at all.
 * A row whose count falls to 0 is deleted.
 */
export const surveyFigure = pgTable(
	'survey_figure',
	{
		campaignId: uuid('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		questionKey: text('question_key').notNull(),
		cell: text('cell').notNull(),
		value: text('value').notNull(),
		rows: bigint('rows', { mode: 'number' }).notNull().default(0),
		numbers: bigint('numbers', { mode: 'number' }).notNull().default(0),
		sum: numeric('sum').notNull().default('0')
	},
	(t) => [primaryKey({ columns: [t.campaignId, t.questionKey, t.cell, t.value] })]
);

/**
 * The cities a campaign aimed at "chosen cities" goes to, kept while it is a draft (the
 * responses created when it is sent are the lasting record of its targets).
 */
export const campaignChosenCity = pgTable(
	'campaign_chosen_city',
	{
		campaignId: uuid('campaign_id')
			.notNull()
			.references(() => campaign.id, { onDelete: 'cascade' }),
		cityId: uuid('city_id')
			.notNull()
			.references(() => city.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.campaignId, t.cityId] })]
);
