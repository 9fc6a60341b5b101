// A campaign's results and the published list, with who may read what (readable, findReadable, mayManage): the access rules, apart from the figures they guard.
// Only submitted responses count. Network admins see everything; anyone sees the questions the
// network made public once it published a campaign's results.
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { can, requireAccess, type Actor } from '../access/index.ts';
import { allQuestions, localized, type SurveyDefinition } from './definition.ts';
import * as queries from './results-queries.ts';
import { byCityColumns, cityValues, figures } from './results-figures.ts';

export type {
	CityColumn,
	CityValue,
	NumberFigures,
	QuestionResult,
	SectionResult,
	Share
} from './results-figures.ts';

export interface Rate {
	targets: number;
	submitted: number;
	/** submitted / targets (0…1); null when there is no target. */
	rate: number | null;
}

export const rateOf = (targets: number, submitted: number): Rate => ({
	targets,
	submitted,
	rate: targets ? submitted / targets : null
});

export type Found = NonNullable<Awaited<ReturnType<typeof queries.findCampaignWithSurvey>>>;

/** Whether results of this campaign are open to the actor: all of them, public ones, or none. */
export function readable(actor: Actor | null, c: Found['campaign']) {
	if (can(actor, 'survey.manage')) return 'all' as const;
	return c.resultsPublishedAt ? ('public' as const) : null;
}

/**
 * The campaign for the admin's views (survey.manage), or for anyone once its results are
 * published. Unknown, or unpublished for a visitor: 404.
 */
export async function findReadable(actor: Actor | null, slug: string, adminView: boolean) {
	if (adminView) requireAccess(actor, 'survey.manage');
	else requireAccess(actor, 'content.read');
	const d = await db();
	const found = slug && slug.length <= 200 ? await queries.findCampaignWithSurvey(d, slug) : null;
	if (!found) error(404, 'Not found');
	const scope = adminView ? 'all' : readable(actor, found.campaign);
	if (!scope) error(404, 'Not found');
	return { d, found, scope };
}

/** The definition with only the questions this reader may see (public: the published ones). */
function visibleDefinition(
	definition: SurveyDefinition,
	scope: 'all' | 'public',
	publicQuestions: string[]
): SurveyDefinition {
	if (scope === 'all') return definition;
	const open = new Set(publicQuestions);
	return {
		sections: definition.sections
			.map((s) => ({ ...s, questions: s.questions.filter((q) => open.has(q.key)) }))
			.filter((s) => s.questions.length)
	};
}

/** How many cities the pages show in their table by city; the downloads have them all. */
export const CITY_TABLE_LIMIT = 200;

/**
 * A campaign's results as its page shows them. `adminView`: the admin's page (survey.manage,
 * every question, published or not); else what anyone may read (published results, public
 * questions only). Unknown or unpublished: 404.
 */
export async function campaignResults(
	actor: Actor | null,
	slug: string,
	locale: string,
	{ adminView = false }: { adminView?: boolean } = {}
) {
	const { d, found, scope } = await findReadable(actor, slug, adminView);
	const c = found.campaign;
	const definition = visibleDefinition(found.definition, scope, c.publicQuestions);
	const keys = allQuestions(definition).map((q) => q.key);
	const [rates, sections, cities] = await Promise.all([
		queries.responseRates(d, [c.id]),
		figures(d, c.id, definition, locale),
		queries.submittedCitiesAfter(d, c.id, null, CITY_TABLE_LIMIT)
	]);
	const answers = await queries.answersOf(
		d,
		cities.map((r) => r.responseId),
		keys
	);
	const columns = byCityColumns(definition, locale);
	const rate = rateOf(rates[0]?.targets ?? 0, rates[0]?.submitted ?? 0);
	return {
		survey: {
			slug: found.survey.slug,
			title: localized(found.survey.title, locale),
			summary: localized(found.survey.summary, locale)
		},
		campaign: {
			slug: c.slug,
			edition: c.edition,
			status: c.status,
			opensOn: c.opensOn,
			closesOn: c.closesOn,
			resultsPublishedAt: c.resultsPublishedAt,
			publicQuestions: c.publicQuestions,
			reportedNote: c.reportedNote ? localized(c.reportedNote, locale) : null,
			source: c.source
		},
		scope,
		rate,
		sections,
		columns,
		cities: cities.map((r) => ({
			name: r.cityName,
			slug: r.citySlug,
			values: cityValues(
				columns,
				definition,
				answers.filter((a) => a.responseId === r.responseId),
				locale
			)
		})),
		/** More submitted cities than the page's table shows. */
		citiesCut: rate.submitted > cities.length
	};
}

export type CampaignResults = Awaited<ReturnType<typeof campaignResults>>;

/** The published results, newest first, with their response rates: for /surveys. */
export async function publishedCampaigns(actor: Actor | null, locale: string) {
	requireAccess(actor, 'content.read');
	const d = await db();
	const rows = await queries.listPublishedCampaigns(d);
	const ids = await Promise.all(
		rows.map(async (r) => (await queries.findCampaignWithSurvey(d, r.slug))!.campaign.id)
	);
	const rates = new Map((await queries.responseRates(d, ids)).map((r) => [r.campaignId, r]));
	return rows.map((r, i) => {
		const rate = rates.get(ids[i]!);
		return {
			slug: r.slug,
			edition: r.edition,
			surveySlug: r.surveySlug,
			surveyTitle: localized(r.surveyTitle, locale),
			resultsPublishedAt: r.resultsPublishedAt,
			rate: rateOf(rate?.targets ?? 0, rate?.submitted ?? 0)
		};
	});
}

/** Whether the actor sees every question of every campaign (the network's admins). */
export function mayManage(actor: Actor | null) {
	return can(actor, 'survey.manage');
}
