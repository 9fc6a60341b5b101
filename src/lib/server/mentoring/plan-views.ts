// How actions, comments and log entries are shown: owners by name, key factors by number and
// title, overdue marked. No access checks here: callers have loaded the plan (plan-access.ts).
import type { Actor } from '../access/index.ts';
import * as benchmarks from '../benchmarks/service.ts';
import type { Db } from '../db/index.ts';
import { isOverdue, todayIso } from '../../plans.ts';
import * as queries from './plan-queries.ts';
import type { Engagement } from './plan-access.ts';
import { cityNamesByIds } from './queries.ts';

export interface CatalogueKeyFactor {
	benchmark: string;
	slug: string;
	number: number;
	title: string;
	language: string;
	questions: { id: string; text: string }[];
}

/** The key factors (with their guide questions) of the current benchmarks, an action's choices. */
export async function keyFactorCatalogue(actor: Actor | null): Promise<CatalogueKeyFactor[]> {
	const themes = await benchmarks.listThemes(actor);
	const found = await Promise.all(
		themes.flatMap((t) => (t.benchmark ? [benchmarks.getBenchmark(actor, t.benchmark.slug)] : []))
	);
	return found.flatMap((b) =>
		b
			? b.keyFactors.map((k) => ({
					benchmark: b.slug,
					slug: k.slug,
					number: k.number,
					title: k.title,
					language: b.language,
					questions: k.guideQuestions.map((q) => ({ id: q.id, text: q.text }))
				}))
			: []
	);
}

export function actionView(
	a: queries.Action,
	names: Map<string, string>,
	catalogue: CatalogueKeyFactor[],
	today: string,
	comments = 0
) {
	return {
		id: a.id,
		position: a.position,
		title: a.title,
		description: a.description,
		keyFactors: a.keyFactors.map((k) => {
			const known = catalogue.find((c) => c.benchmark === k.benchmark && c.slug === k.slug);
			return {
				benchmark: k.benchmark,
				slug: k.slug,
				number: known?.number ?? null,
				title: known?.title ?? k.slug,
				language: known?.language ?? 'en'
			};
		}),
		questions: a.questions,
		ownerUserId: a.ownerUserId,
		ownerName: a.ownerName,
		owner: (a.ownerUserId && names.get(a.ownerUserId)) || a.ownerName || null,
		startOn: a.startOn,
		dueOn: a.dueOn,
		status: a.status,
		droppedReason: a.droppedReason,
		progress: a.progress,
		obstacles: a.obstacles,
		resources: a.resources,
		fromAssessmentId: a.fromAssessmentId,
		revision: a.revision,
		updatedAt: a.updatedAt,
		overdue: isOverdue(a, today),
		comments
	};
}
export type ActionView = ReturnType<typeof actionView>;

/** Actions as shown, in plan order. */
export async function actionViews(
	d: Db,
	actor: Actor | null,
	rows: queries.Action[],
	counts = new Map<string, number>()
) {
	const [names, catalogue] = await Promise.all([
		namesOf(
			d,
			rows.flatMap((r) => (r.ownerUserId ? [r.ownerUserId] : []))
		),
		keyFactorCatalogue(actor)
	]);
	const today = todayIso();
	return rows.map((r) => actionView(r, names, catalogue, today, counts.get(r.id) ?? 0));
}

export async function namesOf(d: Db, ids: string[]) {
	const rows = await queries.userNames(d, [...new Set(ids)]);
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** The plan's heading facts: its city, and its engagement with both cities. */
export async function planHeader(d: Db, plan: queries.Plan, engagement: Engagement) {
	const ids = engagement
		? [plan.cityId, engagement.mentorCityId, engagement.implementingCityId]
		: [plan.cityId];
	const cities = await cityNamesByIds(d, [...new Set(ids)]);
	const cityOf = (id: string) => cities.find((c) => c.id === id) ?? null;
	return {
		id: plan.id,
		title: plan.title,
		city: cityOf(plan.cityId),
		createdAt: plan.createdAt,
		updatedAt: plan.updatedAt,
		engagement: engagement
			? {
					id: engagement.id,
					title: engagement.title,
					status: engagement.status,
					mentor: cityOf(engagement.mentorCityId),
					implementing: cityOf(engagement.implementingCityId)
				}
			: null
	};
}

export async function logViews(d: Db, entries: queries.LogEntry[], actions: queries.Action[]) {
	const files = await queries.listLogFiles(
		d,
		entries.map((e) => e.id)
	);
	return entries.map((e) => ({
		id: e.id,
		happenedOn: e.happenedOn,
		when: e.when,
		text: e.text,
		links: e.links,
		action: e.actionId
			? (actions.filter((a) => a.id === e.actionId).map((a) => ({ id: a.id, title: a.title }))[0] ??
				null)
			: null,
		files: files
			.filter((f) => f.entryId === e.id)
			.map((f) => ({ id: f.id, filename: f.filename, size: f.size, contentType: f.contentType })),
		createdAt: e.createdAt
	}));
}
export type LogView = Awaited<ReturnType<typeof logViews>>[number];
