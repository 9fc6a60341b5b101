// A survey's trend across its editions (survey.manage): apart because it reads every edition's figures side by side, keyed by question.
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import { localized, type Question } from './definition.ts';
import * as queries from './results-queries.ts';
import { figures } from './results-figures.ts';
import { rateOf } from './results.ts';

/**
 * A survey's editions side by side (survey.manage): the response rate of each, which city
 * answered which (a city × edition grid), and each question's figures per edition, followed by
 * its key (a key means the same question in every version).
 */
export async function surveyTrend(actor: Actor | null, surveySlug: string, locale: string) {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const s = surveySlug.length <= 200 ? await queries.findSurveyBySlug(d, surveySlug) : undefined;
	if (!s) error(404, 'Not found');
	const editions = await queries.listEditions(d, s.id);
	const ids = editions.map((e) => e.id);
	const [rates, responses, perEdition] = await Promise.all([
		queries.responseRates(d, ids),
		queries.responsesByCity(d, ids),
		Promise.all(editions.map((e) => figures(d, e.id, e.definition, locale)))
	]);
	const rateOfEdition = new Map(rates.map((r) => [r.campaignId, rateOf(r.targets, r.submitted)]));

	// Questions in the order of the latest edition, then those only older ones asked.
	const order: { key: string; label: string; type: Question['type'] }[] = [];
	for (const sections of [...perEdition].reverse())
		for (const q of sections.flatMap((x) => x.questions))
			if (!order.some((o) => o.key === q.key))
				order.push({ key: q.key, label: q.label, type: q.type });

	const grid = new Map<string, { name: string; slug: string; statuses: (string | null)[] }>();
	for (const r of responses) {
		if (!grid.has(r.cityId))
			grid.set(r.cityId, { name: r.cityName, slug: r.citySlug, statuses: ids.map(() => null) });
		grid.get(r.cityId)!.statuses[ids.indexOf(r.campaignId)] = r.status;
	}
	return {
		survey: { slug: s.slug, title: localized(s.title, locale) },
		editions: editions.map((e) => ({
			slug: e.slug,
			edition: e.edition,
			status: e.status,
			published: !!e.resultsPublishedAt,
			rate: rateOfEdition.get(e.id) ?? rateOf(0, 0)
		})),
		cities: [...grid.values()],
		questions: order.map((o) => ({
			...o,
			editions: perEdition.map(
				(sections) => sections.flatMap((x) => x.questions).find((q) => q.key === o.key) ?? null
			)
		}))
	};
}
