import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../auth/schema.ts';
import { city } from '../cities/schema.ts';

/** The Charter's own text around its commitments (one row per charter; there is one today). */
export const charterDocument = pgTable('charter_document', {
	slug: text('slug').primaryKey(),
	title: text('title').notNull(),
	subtitle: text('subtitle').notNull(),
	launched: integer('launched'),
	intro: text('intro').notNull().default(''),
	about: text('about').notNull().default(''),
	preambleExcerpt: text('preamble_excerpt').notNull().default(''),
	source: text('source')
});

/** What the seeds say about how many cities had signed, and when. */
export const signatoryCount = pgTable('signatory_count', {
	id: uuid('id').primaryKey().defaultRandom(),
	count: integer('count').notNull(),
	asOf: text('as_of').notNull().unique(),
	quote: text('quote').notNull(),
	source: text('source')
});

/** The four roles of the Charter: policy-makers, service providers, employers, buyers. */
export const charterRole = pgTable('charter_role', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	position: integer('position').notNull(),
	title: text('title').notNull(),
	lead: text('lead').notNull()
});

export const commitment = pgTable(
	'commitment',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		roleId: uuid('role_id')
			.notNull()
			.references(() => charterRole.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull().unique(),
		position: integer('position').notNull(),
		text: text('text').notNull()
	},
	(t) => [index('commitment_role_idx').on(t.roleId)]
);

/** A city that signed the Charter; an unknown date or place stays null, never guessed. */
export const signatory = pgTable('signatory', {
	id: uuid('id').primaryKey().defaultRandom(),
	cityId: uuid('city_id')
		.notNull()
		.unique()
		.references(() => city.id, { onDelete: 'cascade' }),
	signedOn: date('signed_on'),
	place: text('place'),
	signedBy: text('signed_by'),
	/** Where the exact day is unknown: the dates of the event at which it was signed. */
	eventStart: date('event_start'),
	eventEnd: date('event_end'),
	source: text('source'),
	/** A signature a network admin recorded here (null for the seeds' ones). */
	recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
	recordedAt: timestamp('recorded_at', { withTimezone: true })
});
