// Loads the content files into the database. Idempotent: running it twice changes nothing;
// a benchmark whose content changed becomes a new version, the published one stays as it was.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import * as cityQueries from '../cities/queries.ts';
import * as benchmarkQueries from '../benchmarks/queries.ts';
import * as charterQueries from '../charter/queries.ts';
import * as practiceQueries from '../practices/queries.ts';
import * as mentoringQueries from '../mentoring/queries.ts';
import * as planQueries from '../mentoring/plan-queries.ts';
import * as surveyQueries from '../surveys/queries.ts';
import { definitionProblems } from '../surveys/definition.ts';
import { loadContent, type BenchmarkContent, type EngagementContent } from './files.ts';

function sectionsOf(b: BenchmarkContent) {
	const sections: { heading: string; text: string }[] = [];
	if (b.foreword) sections.push({ heading: 'Foreword', text: b.foreword.text });
	if (b.acknowledgements) sections.push({ heading: 'Acknowledgements', text: b.acknowledgements.text });
	if (b.thematicLead) sections.push({ heading: 'Thematic lead', text: b.thematicLead });
	if (b.aboutImplementoring) {
		sections.push({ heading: b.aboutImplementoring.title, text: b.aboutImplementoring.text });
	}
	if (b.availableFrom) sections.push({ heading: 'Available from', text: b.availableFrom });
	return sections;
}

/** The implementing city's plan of a seeded engagement, unless it has one already. */
async function seedPlan(d: Db, e: EngagementContent, engagementId: string, cityId: string) {
	if (!e.plan || (await planQueries.findPlanOfEngagement(d, engagementId))) return;
	await mentoringQueries.insertPlanWithResults(
		d,
		{ cityId, engagementId, title: e.plan.title },
		e.plan.actions.map((a, i) => ({
			position: i + 1,
			title: a.title,
			status: a.status,
			progress: a.status === 'done' ? 100 : 0
		})),
		e.plan.results.map((r) => ({
			actionPosition: r.action,
			happenedOn: r.happenedOn,
			when: r.when,
			text: r.text
		}))
	);
}

export interface SeedReport {
	citiesAdded: number;
	benchmarkVersionsAdded: string[];
	practiceVersionsAdded: string[];
	engagementsAdded: string[];
	surveysAdded: string[];
}

export async function seedContent(d: Db, dir?: string): Promise<SeedReport> {
	const content = loadContent(dir);
	return d.transaction(async (tx) => {
		// Processes starting together on one PostgreSQL seed one after the other.
		await tx.execute(sql`select pg_advisory_xact_lock(7262002)`);
		const net = await cityQueries.upsertNetwork(tx, content.network);
		const before = (await cityQueries.listCities(tx)).length;
		for (const c of content.cities) {
			await cityQueries.insertCityIfMissing(tx, { ...c, networkId: net.id });
		}
		const cities = await cityQueries.listCities(tx);
		const cityId = new Map(cities.map((c) => [c.slug, c.id]));
		const idOf = (slug: string) => {
			const id = cityId.get(slug);
			if (!id) throw new Error(`Content names an unknown city "${slug}"`);
			return id;
		};
		// The content's figures are each city's first recorded values (never added twice).
		for (const c of content.cities) {
			const figures = [
				['population', c.population, c.populationYear],
				['migrant_background_share', c.migrantBackgroundShare, null],
				['foreign_nationals_share', c.foreignNationalsShare, null]
			] as const;
			for (const [figure, value, year] of figures) {
				if (value === null || value === undefined) continue;
				await cityQueries.insertFactIfNone(tx, {
					cityId: idOf(c.slug),
					figure,
					value,
					year: year ?? null,
					source: c.source ?? ''
				});
			}
		}

		for (const [i, t] of content.themes.entries()) {
			await benchmarkQueries.upsertTheme(tx, { ...t, position: i + 1 });
		}

		const added: string[] = [];
		for (const { data: b, hash } of content.benchmarks) {
			const latest = await benchmarkQueries.findLatestVersion(tx, b.slug);
			if (latest?.contentHash === hash) continue;
			const themeRow = await benchmarkQueries.findThemeBySlug(tx, b.themeSlug);
			if (!themeRow) throw new Error(`Benchmark ${b.slug} names an unknown theme "${b.themeSlug}"`);
			const version = latest ? latest.version + 1 : b.version;
			await benchmarkQueries.insertBenchmarkVersion(tx, {
				benchmark: {
					slug: b.slug,
					version,
					themeId: themeRow.id,
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
					sections: sectionsOf(b),
					contentHash: hash
				},
				keyFactors: b.keyFactors.map((k) => ({
					row: {
						number: k.number,
						slug: k.slug,
						title: k.title,
						statement: k.statement,
						explanation: k.explanation
					},
					questions: k.guideQuestions,
					examples: k.examples.map((e) => ({ cityId: idOf(e.citySlug), title: e.title, text: e.text }))
				})),
				contextFactors: b.contextFactors.map((c, i) => ({
					position: i + 1,
					slug: c.slug,
					title: c.title,
					mayInvolve: c.mayInvolve
				}))
			});
			added.push(`${b.slug}@${version}`);
		}

		const ch = content.charter;
		await charterQueries.upsertDocument(tx, {
			slug: 'integrating-cities-charter',
			title: ch.title,
			subtitle: ch.subtitle,
			launched: ch.launched ?? null,
			intro: ch.intro ?? '',
			about: ch.aboutCharter ?? '',
			preambleExcerpt: ch.preambleExcerpt ?? '',
			source: ch.source ?? null
		});
		for (const [i, r] of ch.roles.entries()) {
			const role = await charterQueries.upsertRole(tx, {
				slug: r.slug,
				position: i + 1,
				title: r.title,
				lead: r.lead
			});
			for (const [j, c] of r.commitments.entries()) {
				await charterQueries.upsertCommitment(tx, {
					slug: c.slug,
					text: c.text,
					position: j + 1,
					roleId: role.id
				});
			}
		}
		for (const s of content.signatories.signatories) {
			await charterQueries.insertSignatoryIfMissing(tx, {
				cityId: idOf(s.citySlug),
				signedOn: s.signedOn ?? null,
				place: s.place ?? null,
				signedBy: s.signedBy ?? null,
				eventStart: s.eventDates?.start ?? null,
				eventEnd: s.eventDates?.end ?? null,
				source: s.source ?? null
			});
		}
		for (const c of content.signatories.countStatements) {
			await charterQueries.insertCountIfMissing(tx, c);
		}

		// Practices from the seeds: published as they come; a changed entry is a new published
		// version (the earlier ones are kept), an unchanged one adds nothing.
		const practicesAdded: string[] = [];
		for (const { data: p, hash } of content.practices) {
			for (const slug of p.cities) idOf(slug);
			const existing = await practiceQueries.findBySlug(tx, p.slug);
			const latest = existing ? await practiceQueries.latestVersion(tx, existing.id) : undefined;
			if (latest?.contentHash === hash) continue;
			const row =
				existing ??
				(await practiceQueries.insertPractice(tx, {
					slug: p.slug,
					cityId: idOf(p.cities[0]!),
					fromSeed: true
				}));
			const version = await practiceQueries.insertVersion(tx, row.id, {
				title: p.title,
				cities: p.cities,
				summary: p.summary,
				description: p.description,
				periodFrom: p.period.from,
				periodTo: p.period.to,
				themes: p.themes,
				keyFactors: p.keyFactors,
				commitments: p.commitments,
				audience: p.audience ?? null,
				results: p.results ?? null,
				resources: p.resources ?? null,
				funding: p.funding ?? null,
				partners: p.partners ?? null,
				contact: p.contact ?? null,
				links: p.links,
				sources: p.sources,
				language: p.language,
				contentHash: hash
			});
			await practiceQueries.updatePractice(tx, row.id, {
				status: 'published',
				publishedVersionId: version.id,
				publishedAt: new Date(),
				reviewComment: null
			});
			practicesAdded.push(`${p.slug}@${version.number}`);
		}
		// Engagements are loaded once: after that they belong to their cities, who edit them.
		const engagementsAdded: string[] = [];
		for (const e of content.engagements) {
			const existing = await mentoringQueries.findEngagementBySlug(tx, e.slug);
			if (existing) {
				// A database seeded before the content had the plan gets it, once.
				if (existing.fromSeed) await seedPlan(tx, e, existing.id, idOf(e.implementing));
				continue;
			}
			const row = await mentoringQueries.insertEngagement(tx, {
				slug: e.slug,
				title: e.title,
				mentorCityId: idOf(e.mentor),
				implementingCityId: idOf(e.implementing),
				themeSlug: e.themeSlug,
				periodFrom: e.periodFrom,
				periodTo: e.periodTo,
				status: e.status,
				summary: e.summary,
				fromSeed: true
			});
			await mentoringQueries.insertParts(
				tx,
				Object.entries(e.parts).map(([kind, text]) => ({
					engagementId: row.id,
					kind: kind as mentoringQueries.EngagementPartKind,
					text,
					revision: 1
				}))
			);
			for (const visit of e.visits) {
				await mentoringQueries.insertVisit(tx, { ...visit, engagementId: row.id });
			}
			await seedPlan(tx, e, row.id, idOf(e.implementing));
			engagementsAdded.push(e.slug);
		}

		// Surveys are loaded once, like engagements: after that the network edits them. An
		// edition held before the platform comes with the responses the seeds give figures for.
		const surveysAdded: string[] = [];
		for (const s of content.surveys) {
			if (await surveyQueries.findSurveyBySlug(tx, s.slug)) continue;
			const problems = definitionProblems(s.definition);
			if (problems.length) throw new Error(`Survey ${s.slug}: ${problems.join('; ')}`);
			const row = await surveyQueries.insertSurvey(tx, {
				slug: s.slug,
				title: s.title,
				summary: s.summary,
				fromSeed: true
			});
			const version = await surveyQueries.insertVersion(tx, {
				surveyId: row.id,
				number: 1,
				status: 'published',
				definition: s.definition,
				revision: 1,
				note: s.source,
				publishedAt: new Date()
			});
			for (const c of s.campaigns) {
				const campaign = await surveyQueries.insertCampaign(tx, {
					slug: c.slug,
					surveyId: row.id,
					versionId: version.id,
					edition: c.edition,
					target: c.target,
					status: c.status,
					opensOn: c.opensOn,
					closesOn: c.closesOn,
					resultsPublishedAt: c.published ? new Date() : null,
					publicQuestions: c.publicQuestions,
					reportedNote: c.reportedNote,
					source: c.source,
					fromSeed: true,
					sentAt: c.opensOn ? new Date(c.opensOn) : null,
					closedAt: c.status === 'closed' && c.closesOn ? new Date(c.closesOn) : null
				});
				for (const r of c.responses) {
					// The seeds say these cities answered, not when: submittedAt stays unknown.
					const response = await surveyQueries.insertResponse(tx, {
						campaignId: campaign.id,
						cityId: idOf(r.citySlug),
						status: 'submitted',
						revision: 1,
						fromSeed: true
					});
					await surveyQueries.insertAnswers(
						tx,
						r.answers.map((a) => ({
							responseId: response.id,
							campaignId: campaign.id,
							questionKey: a.question,
							cell: a.cell,
							number: a.number ?? null,
							text: a.text ?? null
						}))
					);
				}
			}
			surveysAdded.push(s.slug);
		}

		return {
			surveysAdded,
			engagementsAdded,
			citiesAdded: cities.length - before,
			benchmarkVersionsAdded: added,
			practiceVersionsAdded: practicesAdded
		};
	});
}
