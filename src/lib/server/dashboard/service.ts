// The network dashboard: the network's figures at a glance, each leading to its list.
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as charterQueries from '../charter/queries.ts';
import { countOverTime } from '../charter/timeline.ts';
import { engagementStatusEnum } from '../mentoring/schema.ts';
import { localized } from '../surveys/definition.ts';
import * as queries from './queries.ts';

export async function figures(actor: Actor | null, locale: string, today = new Date()) {
	requireAccess(actor, 'dashboard.read');
	const d = await db();
	const day = today.toISOString().slice(0, 10);
	// Independent aggregates: run together, the page waits for the slowest one only.
	const [cities, statements, byDay, assessed, titles, campaigns, engagements, actions, practices] =
		await Promise.all([
			queries.countCities(d),
			charterQueries.listCounts(d),
			queries.signaturesByDay(d),
			queries.assessmentsByBenchmark(d),
			queries.benchmarkTitles(d),
			queries.campaignRates(d),
			queries.engagementsByStatus(d),
			queries.engagementActions(d, day),
			queries.practiceCounts(d)
		]);
	const overTime = countOverTime(
		statements,
		byDay.flatMap((r) => (r.signedOn ? [{ signedOn: r.signedOn, count: r.count }] : []))
	);
	const undated = byDay.find((r) => r.signedOn === null)?.recorded ?? 0;
	const statusCounts = new Map(engagements.map((e) => [e.status, e.count]));
	return {
		signatories: {
			overTime,
			latest: overTime.at(-1) ?? null,
			named: byDay.reduce((n, r) => n + r.count, 0),
			undated
		},
		cities,
		assessments: titles.map((b) => {
			const row = assessed.find((a) => a.benchmarkSlug === b.slug);
			return {
				slug: b.slug,
				title: b.title,
				submitted: row?.submitted ?? 0,
				shared: row?.shared ?? 0
			};
		}),
		campaigns: campaigns.map((c) => ({
			slug: c.slug,
			title: localized(c.title, locale),
			// A title not yet translated comes in English, and is marked so.
			titleLang: (c.title as Record<string, string | undefined>)[locale] ? locale : 'en',
			edition: c.edition,
			status: c.status,
			targets: c.targets,
			submitted: c.submitted
		})),
		engagements: {
			byStatus: engagementStatusEnum.enumValues.map((status) => ({
				status,
				count: statusCounts.get(status) ?? 0
			})),
			actionsDone: actions.done,
			actionsOverdue: actions.overdue
		},
		practices
	};
}
