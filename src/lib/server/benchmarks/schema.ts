import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { city } from '../cities/schema.ts';

/** A toolkit theme, e.g. "Enhancing public perception on migration and diversity" (2014). */
export const theme = pgTable('theme', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	year: integer('year').notNull(),
	project: text('project').notNull(),
	position: integer('position').notNull().default(0)
});

/**
 * One published version of a benchmark. A version never changes once published: new content
 * is a new row with the next version number, so assessments keep the questions they answered.
 */
export const benchmark = pgTable(
	'benchmark',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull(),
		version: integer('version').notNull(),
		themeId: uuid('theme_id')
			.notNull()
			.references(() => theme.id),
		title: text('title').notNull(),
		publisher: text('publisher').notNull(),
		year: integer('year').notNull(),
		language: text('language').notNull(),
		attribution: text('attribution').notNull(),
		authors: text('authors').notNull().default(''),
		about: text('about').notNull().default(''),
		standard: text('standard').notNull(),
		rationale: text('rationale').notNull().default(''),
		notesOnTerms: jsonb('notes_on_terms').$type<{ term: string; text: string }[]>().notNull(),
		contextFactorsIntro: text('context_factors_intro').notNull().default(''),
		/** The rest of the toolkit's text (foreword, acknowledgements…), kept whole for the record. */
		sections: jsonb('sections').$type<{ heading: string; text: string }[]>().notNull(),
		/** Hash of the content file this version was loaded from; the seed compares it. */
		contentHash: text('content_hash').notNull(),
		isCurrent: boolean('is_current').notNull().default(true),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('benchmark_slug_version_idx').on(t.slug, t.version)]
);

export const keyFactor = pgTable(
	'key_factor',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		benchmarkId: uuid('benchmark_id')
			.notNull()
			.references(() => benchmark.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		statement: text('statement').notNull(),
		explanation: text('explanation').notNull().default('')
	},
	(t) => [uniqueIndex('key_factor_benchmark_slug_idx').on(t.benchmarkId, t.slug)]
);

export const guideQuestion = pgTable(
	'guide_question',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		keyFactorId: uuid('key_factor_id')
			.notNull()
			.references(() => keyFactor.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		text: text('text').notNull()
	},
	(t) => [index('guide_question_key_factor_idx').on(t.keyFactorId)]
);

/** An example from a city that illustrates a key factor, as the toolkit gives it. */
export const cityExample = pgTable(
	'city_example',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		keyFactorId: uuid('key_factor_id')
			.notNull()
			.references(() => keyFactor.id, { onDelete: 'cascade' }),
		cityId: uuid('city_id')
			.notNull()
			.references(() => city.id),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		text: text('text').notNull()
	},
	(t) => [
		index('city_example_key_factor_idx').on(t.keyFactorId),
		index('city_example_city_idx').on(t.cityId)
	]
);

export const contextFactor = pgTable(
	'context_factor',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		benchmarkId: uuid('benchmark_id')
			.notNull()
			.references(() => benchmark.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		mayInvolve: jsonb('may_involve').$type<string[]>().notNull()
	},
	(t) => [index('context_factor_benchmark_idx').on(t.benchmarkId)]
);
