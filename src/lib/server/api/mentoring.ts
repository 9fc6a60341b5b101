// Mentoring as the API gives it: an engagement (its public summary; with its parts, visits and
// plan's id for the two cities' people and network admins) and an action plan complete.
import type * as mentoring from '../mentoring/service.ts';
import type { FullPlan } from '../mentoring/plans.ts';

type Summary = NonNullable<Awaited<ReturnType<typeof mentoring.publicSummary>>>;
type Full = Awaited<ReturnType<typeof mentoring.get>>;

const cityOf = (c: { slug: string; name: string } | null) =>
	c ? { slug: c.slug, name: c.name } : null;

export function toEngagement(s: Summary, full: Full | null, planId: string | null) {
	return {
		slug: s.slug,
		title: s.title,
		summary: s.summary,
		theme: s.themeSlug,
		periodFrom: s.periodFrom,
		periodTo: s.periodTo,
		status: s.status,
		mentor: cityOf(s.mentor)!,
		implementing: cityOf(s.implementing)!,
		href: `/engagements/${s.slug}`,
		plan: s.plan
			? {
					actions: s.plan.actions.map((a) => ({
						position: a.position,
						title: a.title,
						status: a.status
					})),
					results: s.plan.results.map((r) => ({
						text: r.text,
						happenedOn: r.happenedOn,
						when: r.when,
						action: r.action
					}))
				}
			: null,
		workspace: full
			? {
					id: full.id,
					parts: full.parts.map((p) => ({ kind: p.kind, text: p.text })),
					visits: full.visits.map((v) => ({
						visitedOn: v.visitedOn,
						place: v.place,
						visitors: v.visitors,
						met: v.met,
						topics: v.topics
					})),
					planId
				}
			: null
	};
}

/** Public only when nothing of the workspace is in it. */
export const engagementVisibility = (e: ReturnType<typeof toEngagement>) =>
	e.workspace ? ('private' as const) : ('public' as const);

export function toPlan(p: FullPlan) {
	const e = p.plan.engagement;
	return {
		id: p.plan.id,
		title: p.plan.title,
		city: cityOf(p.plan.city),
		engagement: e
			? {
					id: e.id,
					title: e.title,
					status: e.status,
					mentor: cityOf(e.mentor),
					implementing: cityOf(e.implementing)
				}
			: null,
		asOf: p.today,
		actions: p.actions.map((a) => ({
			id: a.id,
			position: a.position,
			title: a.title,
			description: a.description,
			status: a.status,
			droppedReason: a.droppedReason,
			overdue: a.overdue,
			owner: a.owner,
			startOn: a.startOn,
			dueOn: a.dueOn,
			progress: a.progress,
			keyFactors: a.keyFactors.map((k) => ({
				benchmark: k.benchmark,
				slug: k.slug,
				number: k.number,
				title: k.title
			})),
			questions: a.questions.map((q) => ({ questionId: q.questionId, text: q.text })),
			obstacles: a.obstacles,
			resources: a.resources,
			comments: a.comments
		})),
		log: p.log.map((l) => ({
			id: l.id,
			happenedOn: l.happenedOn,
			when: l.when,
			text: l.text,
			links: l.links,
			actionId: l.action?.id ?? null,
			files: l.files.map((f) => ({
				filename: f.filename,
				size: f.size,
				contentType: f.contentType
			}))
		}))
	};
}
