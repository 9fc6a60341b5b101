import { sql } from 'drizzle-orm';
import {
	boolean,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/schema.ts';
import { city } from '../cities/schema.ts';
import { benchmark, contextFactor, guideQuestion } from '../benchmarks/schema.ts';

export const assessmentStatus = pgEnum('assessment_status', ['in_progress', 'submitted']);
/** Private to the city; shared with the network (admins, later its mentor); or public. */
export const assessmentVisibility = pgEnum('assessment_visibility', [
	'private',
	'network',
	'public'
]);
export const answerKind = pgEnum('answer_kind', ['rated', 'dont_know', 'not_applicable']);
export const respondentGroup = pgEnum('respondent_group', [
	'city_staff',
	'partner_organisation',
	'migrant'
]);
export const contextLimit = pgEnum('context_limit', ['not_at_all', 'somewhat', 'strongly']);

/**
 * A city's test of itself against one benchmark version, for one cycle (a year or period).
 * It keeps that version for good, so its questions never change under it.
 */
export const assessment = pgTable(
	'assessment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cityId: uuid('city_id')
			.notNull()
			.references(() => city.id, { onDelete: 'cascade' }),
		benchmarkId: uuid('benchmark_id')
			.notNull()
			.references(() => benchmark.id),
		benchmarkSlug: text('benchmark_slug').notNull(),
		cycle: text('cycle').notNull(),
		status: assessmentStatus('status').notNull().default('in_progress'),
		visibility: assessmentVisibility('visibility').notNull().default('private'),
		previousId: uuid('previous_id'),
		isDemo: boolean('is_demo').notNull().default(false),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		submittedBy: text('submitted_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [
		unique('assessment_city_benchmark_cycle').on(t.cityId, t.benchmarkSlug, t.cycle),
		// One open assessment per city and benchmark at a time.
		uniqueIndex('assessment_one_open_idx')
			.on(t.cityId, t.benchmarkSlug)
			.where(sql`${t.status} = 'in_progress'`),
		index('assessment_city_idx').on(t.cityId),
		index('assessment_visibility_idx').on(t.visibility, t.status),
		// Each city's latest shared assessment of a benchmark (distribution-queries.ts), in the
		// order DISTINCT ON reads it.
		index('assessment_shared_latest_idx')
			.on(t.benchmarkSlug, t.cityId, t.submittedAt.desc().nullsLast(), t.cycle.desc(), t.id.desc())
			.where(sql`${t.status} = 'submitted' and ${t.visibility} in ('network', 'public')`)
	]
);

/** Someone invited by email to answer one assessment on their own, in a group. */
export const respondent = pgTable(
	'respondent',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		assessmentId: uuid('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		email: text('email').notNull(),
		group: respondentGroup('group').notNull(),
		/** SHA-256 of the token in the link they were sent. */
		tokenHash: text('token_hash').notNull().unique(),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		lastAnsweredAt: timestamp('last_answered_at', { withTimezone: true }),
		/** When the coordinator withdrew the link: it no longer opens; the answers stay. */
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		revokedBy: text('revoked_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [
		index('respondent_assessment_idx').on(t.assessmentId),
		unique('respondent_assessment_email').on(t.assessmentId, t.email)
	]
);

/**
 * A respondent's former link, replaced when the invitation was sent again: it no longer
 * opens, but says so (rather than "not found"). Also counts the re-sends of a day.
 */
export const respondentFormerToken = pgTable(
	'respondent_former_token',
	{
		/** SHA-256 of the token in the replaced link. */
		tokenHash: text('token_hash').primaryKey(),
		respondentId: uuid('respondent_id')
			.notNull()
			.references(() => respondent.id, { onDelete: 'cascade' }),
		replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('respondent_former_token_respondent_idx').on(t.respondentId, t.replacedAt)]
);

/**
 * An answer to one guide question: the city's consolidated one (no respondent) or one
 * respondent's. `revision` grows with each save, so two people saving at once are noticed.
 */
export const answer = pgTable(
	'answer',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		assessmentId: uuid('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		guideQuestionId: uuid('guide_question_id')
			.notNull()
			.references(() => guideQuestion.id),
		respondentId: uuid('respondent_id').references(() => respondent.id, { onDelete: 'cascade' }),
		kind: answerKind('kind'),
		/** 0 Not in place · 1 Planned or starting · 2 Partly · 3 In place · 4 In place and evaluated */
		rating: smallint('rating'),
		evidence: text('evidence').notNull().default(''),
		links: jsonb('links').$type<string[]>().notNull().default([]),
		revision: integer('revision').notNull().default(1),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [
		unique('answer_once').on(t.assessmentId, t.guideQuestionId, t.respondentId).nullsNotDistinct(),
		index('answer_assessment_idx').on(t.assessmentId),
		// Key factor scores in SQL (distribution-queries.ts): the rated answers of an assessment,
		// read from the index alone.
		index('answer_rated_idx')
			.on(t.assessmentId, t.guideQuestionId, t.rating)
			.where(sql`${t.respondentId} is null and ${t.kind} = 'rated'`)
	]
);

/** How much a context factor limits the city here, and why: it explains, never scores. */
export const contextNote = pgTable(
	'context_note',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		assessmentId: uuid('assessment_id')
			.notNull()
			.references(() => assessment.id, { onDelete: 'cascade' }),
		contextFactorId: uuid('context_factor_id')
			.notNull()
			.references(() => contextFactor.id),
		limit: contextLimit('limit'),
		why: text('why').notNull().default(''),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('context_note_once').on(t.assessmentId, t.contextFactorId)]
);

/** A file kept as evidence for an answer; the bytes live in the storage (disk by default). */
export const attachment = pgTable(
	'attachment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		answerId: uuid('answer_id')
			.notNull()
			.references(() => answer.id, { onDelete: 'cascade' }),
		filename: text('filename').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		storageKey: text('storage_key').notNull(),
		uploadedBy: text('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('attachment_answer_idx').on(t.answerId)]
);
