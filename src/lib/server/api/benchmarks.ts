// Toolkit content as the API gives it: themes with their current benchmark, a benchmark
// complete, one key factor with its neighbours. Internal row ids stay inside.
import type * as benchmarks from '../benchmarks/service.ts';

type Themes = Awaited<ReturnType<typeof benchmarks.listThemes>>;
type Benchmark = benchmarks.BenchmarkDetail;
type KeyFactor = Benchmark['keyFactors'][number];
type KeyFactorView = NonNullable<Awaited<ReturnType<typeof benchmarks.getKeyFactor>>>;

export function toThemeList(themes: Themes) {
	return {
		themes: themes.map((t) => ({
			slug: t.slug,
			title: t.title,
			year: t.year,
			project: t.project,
			benchmark: t.benchmark
				? {
						slug: t.benchmark.slug,
						title: t.benchmark.title,
						version: t.benchmark.version,
						year: t.benchmark.year,
						standard: t.benchmark.standard
					}
				: null
		}))
	};
}

export function toKeyFactor(k: KeyFactor) {
	return {
		number: k.number,
		slug: k.slug,
		title: k.title,
		statement: k.statement,
		explanation: k.explanation,
		guideQuestions: k.guideQuestions.map((q) => ({ position: q.position, text: q.text })),
		examples: k.examples.map((e) => ({
			title: e.title,
			text: e.text,
			city: { slug: e.city.slug, name: e.city.name, country: e.city.country }
		}))
	};
}

function toKeyFactorRef(k: { number: number; slug: string; title: string } | null) {
	return k ? { number: k.number, slug: k.slug, title: k.title } : null;
}

export function toBenchmark(b: Benchmark) {
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
		notesOnTerms: b.notesOnTerms.map((n) => ({ term: n.term, text: n.text })),
		contextFactorsIntro: b.contextFactorsIntro,
		sections: b.sections.map((s) => ({ heading: s.heading, text: s.text })),
		publishedAt: b.publishedAt.toISOString(),
		versions: b.versions.map((v) => ({
			version: v.version,
			isCurrent: v.isCurrent,
			publishedAt: v.publishedAt.toISOString()
		})),
		keyFactors: b.keyFactors.map(toKeyFactor),
		contextFactors: b.contextFactors.map((c) => ({
			slug: c.slug,
			title: c.title,
			mayInvolve: [...c.mayInvolve]
		}))
	};
}

export function toKeyFactorView(v: KeyFactorView) {
	return {
		benchmark: {
			slug: v.benchmark.slug,
			version: v.benchmark.version,
			isCurrent: v.benchmark.isCurrent,
			title: v.benchmark.title,
			publisher: v.benchmark.publisher,
			year: v.benchmark.year,
			language: v.benchmark.language,
			attribution: v.benchmark.attribution
		},
		keyFactor: toKeyFactor(v.keyFactor),
		previous: toKeyFactorRef(v.previous),
		next: toKeyFactorRef(v.next),
		count: v.count
	};
}
