import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { city } from '../cities/schema.ts';
import {
	benchmark,
	cityExample,
	contextFactor,
	guideQuestion,
	keyFactor,
	theme
} from './schema.ts';

export type Benchmark = typeof benchmark.$inferSelect;
export type Theme = typeof theme.$inferSelect;

export function listThemes(db: Db) {
	return db.select().from(theme).orderBy(asc(theme.position));
}

export function listCurrentBenchmarks(db: Db) {
	return db
		.select()
		.from(benchmark)
		.where(eq(benchmark.isCurrent, true))
		.orderBy(asc(benchmark.title));
}

export async function findById(db: Db, id: string) {
	const [row] = await db.select().from(benchmark).where(eq(benchmark.id, id));
	return row;
}

export async function findLatestVersion(db: Db, slug: string) {
	const [row] = await db
		.select()
		.from(benchmark)
		.where(eq(benchmark.slug, slug))
		.orderBy(desc(benchmark.version))
		.limit(1);
	return row;
}

/** Every version of a benchmark, newest first, in one query. */
export function listVersionRows(db: Db, slug: string) {
	return db
		.select()
		.from(benchmark)
		.where(eq(benchmark.slug, slug))
		.orderBy(desc(benchmark.version));
}

export function listKeyFactors(db: Db, benchmarkId: string) {
	return db
		.select()
		.from(keyFactor)
		.where(eq(keyFactor.benchmarkId, benchmarkId))
		.orderBy(asc(keyFactor.number));
}

export function listGuideQuestions(db: Db, keyFactorIds: string[]) {
	if (keyFactorIds.length === 0) return Promise.resolve([]);
	return db
		.select()
		.from(guideQuestion)
		.where(inArray(guideQuestion.keyFactorId, keyFactorIds))
		.orderBy(asc(guideQuestion.position));
}

export function listCityExamples(db: Db, keyFactorIds: string[]) {
	if (keyFactorIds.length === 0) return Promise.resolve([]);
	return db
		.select({
			id: cityExample.id,
			keyFactorId: cityExample.keyFactorId,
			position: cityExample.position,
			title: cityExample.title,
			text: cityExample.text,
			citySlug: city.slug,
			cityName: city.name,
			cityCountry: city.country
		})
		.from(cityExample)
		.innerJoin(city, eq(city.id, cityExample.cityId))
		.where(inArray(cityExample.keyFactorId, keyFactorIds))
		.orderBy(asc(cityExample.position));
}

export function listContextFactors(db: Db, benchmarkId: string) {
	return db
		.select()
		.from(contextFactor)
		.where(eq(contextFactor.benchmarkId, benchmarkId))
		.orderBy(asc(contextFactor.position));
}

/** Examples from one city across current benchmarks, for the city's page. */
export function listExamplesOfCity(db: Db, cityId: string) {
	return db
		.select({
			id: cityExample.id,
			title: cityExample.title,
			benchmarkSlug: benchmark.slug,
			benchmarkTitle: benchmark.title,
			keyFactorSlug: keyFactor.slug,
			keyFactorTitle: keyFactor.title,
			keyFactorNumber: keyFactor.number
		})
		.from(cityExample)
		.innerJoin(keyFactor, eq(keyFactor.id, cityExample.keyFactorId))
		.innerJoin(benchmark, eq(benchmark.id, keyFactor.benchmarkId))
		.where(and(eq(cityExample.cityId, cityId), eq(benchmark.isCurrent, true)))
		.orderBy(asc(benchmark.title), asc(keyFactor.number));
}

export async function upsertTheme(db: Db, row: typeof theme.$inferInsert) {
	await db
		.insert(theme)
		.values(row)
		.onConflictDoUpdate({
			target: theme.slug,
			set: { title: row.title, year: row.year, project: row.project, position: row.position }
		});
}

export async function findThemeBySlug(db: Db, slug: string) {
	const [row] = await db.select().from(theme).where(eq(theme.slug, slug));
	return row;
}

export interface NewBenchmarkVersion {
	benchmark: typeof benchmark.$inferInsert;
	keyFactors: {
		row: Omit<typeof keyFactor.$inferInsert, 'benchmarkId'>;
		questions: string[];
		examples: { cityId: string; title: string; text: string }[];
	}[];
	contextFactors: Omit<typeof contextFactor.$inferInsert, 'benchmarkId'>[];
}

/** Adds a version and makes it current; earlier versions are kept untouched. */
export async function insertBenchmarkVersion(db: Db, v: NewBenchmarkVersion) {
	await db.update(benchmark).set({ isCurrent: false }).where(eq(benchmark.slug, v.benchmark.slug));
	const [b] = await db
		.insert(benchmark)
		.values({ ...v.benchmark, isCurrent: true })
		.returning();
	for (const kf of v.keyFactors) {
		const [k] = await db
			.insert(keyFactor)
			.values({ ...kf.row, benchmarkId: b!.id })
			.returning({ id: keyFactor.id });
		if (kf.questions.length > 0) {
			await db
				.insert(guideQuestion)
				.values(kf.questions.map((text, i) => ({ keyFactorId: k!.id, position: i + 1, text })));
		}
		if (kf.examples.length > 0) {
			await db
				.insert(cityExample)
				.values(kf.examples.map((e, i) => ({ ...e, keyFactorId: k!.id, position: i + 1 })));
		}
	}
	if (v.contextFactors.length > 0) {
		await db
			.insert(contextFactor)
			.values(v.contextFactors.map((c) => ({ ...c, benchmarkId: b!.id })));
	}
	return b!;
}
