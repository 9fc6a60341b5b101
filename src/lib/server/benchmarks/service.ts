// Reading the toolkits: themes, benchmark versions, key factors with their guide questions,
// city examples and context factors. Public content, but every read still asks access.
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import { versionOf } from '../cache/queries.ts';
import * as queries from './queries.ts';

export async function listThemes(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	const d = await db();
	const [themes, benchmarks] = await Promise.all([
		queries.listThemes(d),
		queries.listCurrentBenchmarks(d)
	]);
	return themes.map((t) => {
		const b = benchmarks.find((x) => x.themeId === t.id);
		return {
			slug: t.slug,
			title: t.title,
			year: t.year,
			project: t.project,
			benchmark: b
				? { slug: b.slug, title: b.title, version: b.version, standard: b.standard, year: b.year }
				: null
		};
	});
}

export type BenchmarkDetail = NonNullable<Awaited<ReturnType<typeof getBenchmark>>>;

type Row = queries.Benchmark;

/**
 * A published version never changes, so what hangs off it (key factors, questions, examples,
 * context factors) is read once per process and kept: a page then costs one query.
 */
const contentCache = new Map<string, Promise<Awaited<ReturnType<typeof readContent>>>>();

async function readContent(benchmarkId: string) {
	const d = await db();
	const keyFactors = await queries.listKeyFactors(d, benchmarkId);
	const ids = keyFactors.map((k) => k.id);
	const [questions, examples, contextFactors] = await Promise.all([
		queries.listGuideQuestions(d, ids),
		queries.listCityExamples(d, ids),
		queries.listContextFactors(d, benchmarkId)
	]);
	return {
		keyFactors: keyFactors.map((k) => ({
			id: k.id,
			number: k.number,
			slug: k.slug,
			title: k.title,
			statement: k.statement,
			explanation: k.explanation,
			guideQuestions: questions
				.filter((q) => q.keyFactorId === k.id)
				.map((q) => ({ id: q.id, position: q.position, text: q.text })),
			examples: examples
				.filter((e) => e.keyFactorId === k.id)
				.map((e) => ({
					title: e.title,
					text: e.text,
					city: { slug: e.citySlug, name: e.cityName, country: e.cityCountry }
				}))
		})),
		contextFactors: contextFactors.map((c) => ({
			id: c.id,
			slug: c.slug,
			title: c.title,
			mayInvolve: c.mayInvolve
		}))
	};
}

function content(benchmarkId: string) {
	let cached = contentCache.get(benchmarkId);
	if (!cached) {
		cached = readContent(benchmarkId);
		contentCache.set(benchmarkId, cached);
		cached.catch(() => contentCache.delete(benchmarkId));
	}
	return cached;
}

/**
 * A benchmark's version rows (long texts), kept per database until the 'content' counter moves,
 * which triggers do when the seed step adds or changes a version (cache/schema.ts): a report
 * asks for its benchmark several times, and then reads one small row instead.
 */
const versionCache = new WeakMap<Db, Map<string, { at: number; rows: Promise<Row[]> }>>();

async function versionRows(slug: string): Promise<Row[]> {
	const d = await db();
	const at = await versionOf(d, 'content');
	let kept = versionCache.get(d);
	if (!kept) versionCache.set(d, (kept = new Map()));
	const hit = kept.get(slug);
	if (hit?.at === at) return hit.rows;
	// Promise.resolve: a Drizzle query runs again each time it is awaited; a promise runs once.
	const entry = { at, rows: Promise.resolve(queries.listVersionRows(d, slug)) };
	kept.set(slug, entry);
	entry.rows.catch(() => {
		if (kept.get(slug) === entry) kept.delete(slug);
	});
	return entry.rows;
}

/** The current version of a benchmark (or the given version), complete; undefined if unknown. */
export async function getBenchmark(actor: Actor | null, slug: string, version?: number) {
	requireAccess(actor, 'content.read');
	const versions = await versionRows(slug);
	const b = versions.find((v) => (version === undefined ? v.isCurrent : v.version === version));
	if (!b) return undefined;
	const { keyFactors, contextFactors } = await content(b.id);
	return {
		slug: b.slug,
		version: b.version,
		isCurrent: b.isCurrent,
		title: b.title,
		publisher: b.publisher,
		year: b.year,
		language: b.language,
		attribution: b.attribution,
		authors: b.authors,
		about: b.about,
		standard: b.standard,
		rationale: b.rationale,
		notesOnTerms: b.notesOnTerms,
		contextFactorsIntro: b.contextFactorsIntro,
		sections: b.sections,
		publishedAt: b.publishedAt,
		versions: versions.map((v) => ({
			version: v.version,
			publishedAt: v.publishedAt,
			isCurrent: v.isCurrent
		})),
		keyFactors,
		contextFactors
	};
}

/** A version's slug and number by its id: written once, never changed, so kept for good. */
const versionIds = new Map<string, Promise<{ slug: string; version: number } | undefined>>();

/**
 * The benchmark version with this id (as an assessment keeps it), complete; undefined if there
 * is none. What getBenchmark gives, without reading the version's row again.
 */
export async function getBenchmarkById(actor: Actor | null, id: string) {
	requireAccess(actor, 'content.read');
	let known = versionIds.get(id);
	if (!known) {
		known = (async () => {
			const row = await queries.findById(await db(), id);
			return row && { slug: row.slug, version: row.version };
		})();
		versionIds.set(id, known);
		void known.then(
			(v) => v ?? versionIds.delete(id),
			() => versionIds.delete(id)
		);
	}
	const v = await known;
	return v && getBenchmark(actor, v.slug, v.version);
}

/** Enough of a key factor to link to it. */
function ref(k: { number: number; slug: string; title: string } | undefined) {
	return k ? { number: k.number, slug: k.slug, title: k.title } : null;
}

export async function getKeyFactor(
	actor: Actor | null,
	slug: string,
	keyFactorSlug: string,
	version?: number
) {
	const b = await getBenchmark(actor, slug, version);
	if (!b) return undefined;
	const index = b.keyFactors.findIndex((k) => k.slug === keyFactorSlug);
	if (index < 0) return undefined;
	return {
		benchmark: {
			slug: b.slug,
			title: b.title,
			version: b.version,
			isCurrent: b.isCurrent,
			language: b.language,
			attribution: b.attribution,
			year: b.year,
			publisher: b.publisher
		},
		keyFactor: b.keyFactors[index]!,
		previous: ref(b.keyFactors[index - 1]),
		next: ref(b.keyFactors[index + 1]),
		count: b.keyFactors.length
	};
}

export async function examplesOfCity(actor: Actor | null, cityId: string) {
	requireAccess(actor, 'content.read');
	return queries.listExamplesOfCity(await db(), cityId);
}
