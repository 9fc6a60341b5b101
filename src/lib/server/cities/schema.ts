import {
	doublePrecision,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from '../auth/schema.ts';

export const network = pgTable('network', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	source: text('source')
});

export const city = pgTable(
	'city',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		country: text('country').notNull(),
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		population: integer('population'),
		populationYear: integer('population_year'),
		migrantBackgroundShare: doublePrecision('migrant_background_share'),
		foreignNationalsShare: doublePrecision('foreign_nationals_share'),
		source: text('source'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('city_network_idx').on(t.networkId)]
);

/** Roles a person holds; `network_admin` has no city, every other role belongs to one city. */
export const roleEnum = pgEnum('role', [
	'network_admin',
	'city_coordinator',
	'city_contributor',
	'stakeholder'
]);

export const membership = pgTable(
	'membership',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		cityId: uuid('city_id').references(() => city.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		/** For stakeholders: the organisation they speak for (an NGO, a migrant association…). */
		organisation: text('organisation'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('membership_user_city_idx').on(t.userId, t.cityId),
		index('membership_city_idx').on(t.cityId)
	]
);

export const invitation = pgTable(
	'invitation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** SHA-256 of the token sent by email; the token itself is never stored. */
		tokenHash: text('token_hash').notNull().unique(),
		email: text('email').notNull(),
		name: text('name').notNull().default(''),
		cityId: uuid('city_id').references(() => city.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		organisation: text('organisation'),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('invitation_city_idx').on(t.cityId)]
);

/** The figures a city records about itself, each with its year and source. */
export const cityFigures = [
	'population',
	'migrant_background_share',
	'foreign_nationals_share'
] as const;
export const cityFigureEnum = pgEnum('city_figure', cityFigures);

/**
 * What a city's figures were, as recorded: never changed, only added to. The current value of
 * a figure is the latest by year (a value without a year counts as the oldest), then by when it
 * was recorded; the city row keeps a copy of the current values.
 */
export const cityFact = pgTable(
	'city_fact',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		cityId: uuid('city_id')
			.notNull()
			.references(() => city.id, { onDelete: 'cascade' }),
		figure: cityFigureEnum('figure').notNull(),
		value: doublePrecision('value').notNull(),
		/** Null only for values loaded from the content files that give no year. */
		year: integer('year'),
		source: text('source').notNull(),
		/** Null for values loaded from the content files. */
		recordedBy: text('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('city_fact_city_idx').on(t.cityId, t.figure)]
);
