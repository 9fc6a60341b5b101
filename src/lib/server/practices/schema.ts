import {
	bigint,
	boolean,
	customType,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { city } from '../cities/schema.ts';

/**
 * Where a practice stands: a city drafts it, its coordinator submits it to the network, a
 * network admin publishes it, returns it with a comment (the city edits and resubmits) or
 * rejects it.
 */
export const practiceStatusEnum = pgEnum('practice_status', [
	'draft',
	'submitted',
	'published',
	'returned',
	'rejected'
]);

/** A practice of one city (its owner); its text lives in versions, every one of them kept. */
export const practice = pgTable(
	'practice',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		cityId: uuid('city_id')
			.notNull()
			.references(() => city.id, { onDelete: 'cascade' }),
		status: practiceStatusEnum('status').notNull().default('draft'),
		/** The admin's comment when the practice was last returned (or rejected). */
		reviewComment: text('review_comment'),
		/** The version the public sees; null until the first publication. */
		publishedVersionId: uuid('published_version_id'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		/** Loaded from content/practices.json rather than written by a city. */
		fromSeed: boolean('from_seed').notNull().default(false),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('practice_city_idx').on(t.cityId),
		index('practice_status_idx').on(t.status, t.publishedAt)
	]
);

export interface KeyFactorRef {
	benchmark: string;
	slug: string;
}
export interface PracticeSource {
	document: string;
	quote: string;
}

export const practiceVersion = pgTable(
	'practice_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		practiceId: uuid('practice_id')
			.notNull()
			.references(() => practice.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		/** Slugs of the cities the practice comes from (one or more). */
		cities: jsonb('cities').$type<string[]>().notNull(),
		summary: text('summary').notNull(),
		/** Markdown. */
		description: text('description').notNull().default(''),
		periodFrom: integer('period_from'),
		periodTo: integer('period_to'),
		themes: jsonb('themes').$type<string[]>().notNull().default([]),
		keyFactors: jsonb('key_factors').$type<KeyFactorRef[]>().notNull().default([]),
		commitments: jsonb('commitments').$type<string[]>().notNull().default([]),
		audience: text('audience'),
		results: text('results'),
		resources: text('resources'),
		funding: text('funding'),
		partners: text('partners'),
		contact: text('contact'),
		links: jsonb('links').$type<string[]>().notNull().default([]),
		sources: jsonb('sources').$type<PracticeSource[]>().notNull().default([]),
		language: text('language').notNull().default('en'),
		/** For seeded versions: the hash of the entry, so that an unchanged file adds nothing. */
		contentHash: text('content_hash'),
		createdBy: text('created_by'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('practice_version_number_idx').on(t.practiceId, t.number)]
);

/** PostgreSQL's tsvector, which Drizzle has no column type for. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * What search reads of a published practice: its words, stemmed in the practice's own language
 * with accents removed, and its facets as arrays (counted in memory: see library.ts). One row per published practice, written only
 * by the database (the practice_index_refresh trigger of migration 0007), so that any writer —
 * the service, the seed, the bench's generator — keeps it right.
 */
export const practiceIndex = pgTable(
	'practice_index',
	{
		practiceId: uuid('practice_id')
			.primaryKey()
			.references(() => practice.id, { onDelete: 'cascade' }),
		/** A small number for the practice while it stays published, for arrays of matches. */
		seq: integer('seq').generatedByDefaultAsIdentity().notNull().unique(),
		language: text('language').notNull(),
		/** Every word of the practice: what a search matches. */
		document: tsvector('document').notNull(),
		/** Its title (weight A), summary and cities (B): what relevance is ranked by. */
		head: tsvector('head').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
		themes: text('themes').array().notNull(),
		/** "benchmark/key-factor" */
		keyFactors: text('key_factors').array().notNull(),
		commitments: text('commitments').array().notNull(),
		/** ISO codes of the practice's cities' countries. */
		countries: text('countries').array().notNull(),
		cities: text('cities').array().notNull(),
		/** The decades the period touches (2015–2022: 2010, 2020). */
		decades: integer('decades').array().notNull()
	},
	(t) => [
		index('practice_index_document_idx').using('gin', t.document),
		index('practice_index_published_idx').on(t.publishedAt, t.practiceId)
	]
);

/**
 * For each word (lexeme) of the published practices, the practices that have it: all of them,
 * those with it in the title, those with it in the summary or the cities' names. Written only
 * by the database, from practice_index (migration 0009). Why: a word found in a sixth of
 * 100,000 practices made PostgreSQL visit ten thousand pages of practice_index to name them
 * (~30 ms each time); here it reads one row. Arrays are sorted, so that matches are merged.
 * A word no practice has any more keeps its row, with empty lists, so that `changed` tells it.
 */
export const practicePosting = pgTable(
	'practice_posting',
	{
		lexeme: text('lexeme').primaryKey(),
		seqs: integer('seqs').array().notNull(),
		titleSeqs: integer('title_seqs').array().notNull(),
		summarySeqs: integer('summary_seqs').array().notNull(),
		/**
		 * When the lists last changed: a number from a sequence, taken under the writers' lock,
		 * so that numbers grow in commit order and a process keeping the lists reads only the
		 * rows changed since the greatest number it has seen (migration 0012).
		 */
		changed: bigint('changed', { mode: 'number' }).notNull().default(0)
	},
	(t) => [index('practice_posting_changed_idx').on(t.changed)]
);
