// The content files under content/: read and checked against their shape before seeding,
// so a broken file stops the seed with a message instead of half-loading.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { engagementPartKinds } from '../mentoring/schema.ts';
import { LocalizedSchema, SurveyDefinitionSchema } from '../surveys/definition.ts';

const text = v.string();
const nullableText = v.nullish(v.string());
const paragraphs = v.object({ text: v.string() });

export const CityFile = v.array(
	v.object({
		slug: text,
		name: text,
		country: v.pipe(text, v.length(2)),
		population: v.nullish(v.number()),
		populationYear: v.nullish(v.number()),
		migrantBackgroundShare: v.nullish(v.number()),
		foreignNationalsShare: v.nullish(v.number()),
		latitude: v.nullish(v.number()),
		longitude: v.nullish(v.number()),
		source: nullableText
	})
);

export const NetworkFile = v.object({ slug: text, name: text, description: text, source: nullableText });

export const ThemeFile = v.array(
	v.object({ slug: text, title: text, year: v.number(), project: text, hasContent: v.boolean() })
);

export const CharterFile = v.object({
	title: text,
	subtitle: text,
	launched: v.nullish(v.number()),
	intro: nullableText,
	aboutCharter: nullableText,
	preambleExcerpt: nullableText,
	source: nullableText,
	roles: v.array(
		v.object({
			slug: text,
			title: text,
			lead: text,
			commitments: v.array(v.object({ slug: text, text }))
		})
	)
});

export const SignatoryFile = v.object({
	countStatements: v.array(
		v.object({ count: v.number(), asOf: text, quote: text, source: nullableText })
	),
	signatories: v.array(
		v.object({
			citySlug: text,
			signedOn: nullableText,
			place: nullableText,
			signedBy: nullableText,
			eventDates: v.nullish(v.object({ start: text, end: text })),
			source: nullableText
		})
	)
});

export const BenchmarkFile = v.object({
	slug: text,
	themeSlug: text,
	version: v.number(),
	title: text,
	publisher: text,
	year: v.number(),
	language: text,
	attribution: text,
	authors: v.optional(text, ''),
	about: v.optional(text, ''),
	standard: text,
	rationale: v.optional(text, ''),
	notesOnTerms: v.array(v.object({ term: text, text })),
	foreword: v.optional(v.object({ text, signature: v.optional(v.unknown()) })),
	acknowledgements: v.optional(paragraphs),
	thematicLead: v.optional(text),
	availableFrom: v.optional(text),
	aboutImplementoring: v.optional(v.object({ title: text, text })),
	contextFactorsIntro: v.optional(text, ''),
	keyFactors: v.array(
		v.object({
			number: v.number(),
			slug: text,
			title: text,
			statement: text,
			explanation: v.optional(text, ''),
			guideQuestions: v.array(text),
			examples: v.array(v.object({ citySlug: text, title: text, text }))
		})
	),
	contextFactors: v.array(v.object({ slug: text, title: text, mayInvolve: v.array(text) }))
});

export const PracticeFile = v.object({
	practices: v.array(
		v.object({
			slug: v.pipe(text, v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(200)),
			title: v.pipe(text, v.nonEmpty(), v.maxLength(200)),
			cities: v.pipe(v.array(text), v.minLength(1)),
			summary: v.pipe(text, v.maxLength(600)),
			description: v.pipe(text, v.maxLength(20_000)),
			period: v.object({ from: v.nullable(v.number()), to: v.nullable(v.number()) }),
			themes: v.array(text),
			keyFactors: v.array(v.object({ benchmark: text, slug: text })),
			commitments: v.array(text),
			audience: nullableText,
			results: nullableText,
			resources: nullableText,
			funding: nullableText,
			partners: nullableText,
			contact: nullableText,
			links: v.pipe(v.array(v.pipe(text, v.url(), v.regex(/^https?:\/\//))), v.maxLength(20)),
			language: text,
			sources: v.array(v.object({ document: text, quote: text }))
		})
	)
});

export type PracticeContent = v.InferOutput<typeof PracticeFile>['practices'][number];


export const MentoringFile = v.object({
	engagements: v.array(
		v.object({
			slug: v.pipe(text, v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(200)),
			title: v.pipe(text, v.nonEmpty(), v.maxLength(200)),
			mentor: text,
			implementing: text,
			themeSlug: text,
			periodFrom: v.nullable(text),
			periodTo: v.nullable(text),
			status: v.picklist(['active', 'follow_up', 'closed']),
			summary: v.pipe(text, v.maxLength(2_000)),
			parts: v.record(v.picklist(engagementPartKinds), text),
			visits: v.array(
				v.object({ place: text, visitors: text, met: text, topics: text })
			),
			/** The implementing city's action plan: the seed's planned actions and their results. */
			plan: v.optional(
				v.object({
					title: v.pipe(text, v.nonEmpty(), v.maxLength(200)),
					actions: v.array(
						v.object({
							title: v.pipe(text, v.nonEmpty(), v.maxLength(300)),
							status: v.picklist(['planned', 'in_progress', 'done', 'dropped'])
						})
					),
					results: v.array(
						v.object({
							/** The action it came of, by its number in the plan (from 1); null: none named. */
							action: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
							happenedOn: v.nullable(v.pipe(text, v.isoDate())),
							when: v.nullable(text),
							text: v.pipe(text, v.nonEmpty())
						})
					)
				})
			),
			source: text
		})
	)
});

export type EngagementContent = v.InferOutput<typeof MentoringFile>['engagements'][number];

/** Surveys the network ran or runs, with the editions held before the platform and their figures. */
export const SurveyFile = v.object({
	surveys: v.array(
		v.object({
			slug: v.pipe(text, v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(200)),
			title: LocalizedSchema,
			summary: LocalizedSchema,
			source: text,
			definition: SurveyDefinitionSchema,
			campaigns: v.array(
				v.object({
					slug: v.pipe(text, v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(200)),
					edition: text,
					target: v.picklist(['signatories', 'members', 'chosen']),
					status: v.picklist(['sent', 'closed']),
					opensOn: v.nullable(v.pipe(text, v.isoDate())),
					closesOn: v.nullable(v.pipe(text, v.isoDate())),
					published: v.boolean(),
					publicQuestions: v.array(text),
					reportedNote: v.nullable(LocalizedSchema),
					source: text,
					responses: v.array(
						v.object({
							citySlug: text,
							answers: v.array(
								v.object({
									question: text,
									cell: v.optional(text, ''),
									number: v.optional(v.number()),
									text: v.optional(text)
								})
							)
						})
					)
				})
			)
		})
	)
});

export type SurveyContent = v.InferOutput<typeof SurveyFile>['surveys'][number];

export type BenchmarkContent = v.InferOutput<typeof BenchmarkFile>;

export function contentDir() {
	return resolve(process.env.CONTENT_DIR ?? 'content');
}

function read<S extends v.GenericSchema>(schema: S, file: string) {
	const raw = readFileSync(file, 'utf8');
	const result = v.safeParse(schema, JSON.parse(raw));
	if (!result.success) {
		const first = result.issues[0];
		const path = first?.path?.map((p) => String(p.key)).join('.') ?? '';
		throw new Error(`Content file ${file} is not valid at "${path}": ${first?.message}`);
	}
	const data = result.output as v.InferOutput<S>;
	// The hash covers what is loaded, not the file's formatting.
	return { data, hash: createHash('sha256').update(JSON.stringify(data)).digest('hex') };
}

export function loadContent(dir = contentDir()) {
	const benchmarksDir = join(dir, 'benchmarks');
	return {
		network: read(NetworkFile, join(dir, 'network.json')).data,
		cities: read(CityFile, join(dir, 'cities.json')).data,
		themes: read(ThemeFile, join(dir, 'themes.json')).data,
		charter: read(CharterFile, join(dir, 'charter.json')).data,
		signatories: read(SignatoryFile, join(dir, 'signatories.json')).data,
		// Practices are optional: a content folder without the file has none.
		practices: existsSync(join(dir, 'practices.json'))
			? read(PracticeFile, join(dir, 'practices.json')).data.practices.map((p) => ({
					data: p,
					hash: createHash('sha256').update(JSON.stringify(p)).digest('hex')
				}))
			: [],
		// Mentoring engagements are optional too.
		engagements: existsSync(join(dir, 'mentoring.json'))
			? read(MentoringFile, join(dir, 'mentoring.json')).data.engagements
			: [],
		// Surveys are optional as well.
		surveys: existsSync(join(dir, 'surveys.json'))
			? read(SurveyFile, join(dir, 'surveys.json')).data.surveys
			: [],
		benchmarks: readdirSync(benchmarksDir)
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map((f) => read(BenchmarkFile, join(benchmarksDir, f)))
	};
}
