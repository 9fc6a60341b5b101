// Self-assessment against a benchmark, its life: start (prefilled or not), read, submit,
// reopen, share. The answers and the context notes are saved by answers.ts. Every function
// starts with an access check; another city's assessment is a 404.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import { can, requireAccess, requireAssessmentAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import * as benchmarks from '../benchmarks/service.ts';
import * as benchmarkQueries from '../benchmarks/queries.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';
import * as attachmentQueries from './attachment-queries.ts';
import { load, questionsOf } from './load.ts';
import { listLatestPublishedScores } from './distribution-queries.ts';
import { roundScore } from './scoring.ts';

export type Visibility = 'private' | 'network' | 'public';
export type TaskStatus = 'not_started' | 'in_progress' | 'completed';

/** The assessments a city has, newest first. */
export async function listOfCity(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'assessment.read', { cityId });
	return queries.listOfCity(await db(), cityId);
}

/** What a city published: readable by everyone, so only the public content permission. */
export async function publishedOfCity(actor: Actor | null, cityId: string) {
	requireAccess(actor, 'content.read');
	if (!isUuid(cityId)) return [];
	return queries.listPublishedOfCity(await db(), cityId);
}

/**
 * Every city's score in its latest published assessment (0–100, rounded as scoring.ts does:
 * the mean of its key factor scores), by city id; a city that published nothing is absent.
 */
export async function latestPublishedScores(actor: Actor | null): Promise<Map<string, number>> {
	requireAccess(actor, 'content.read');
	const rows = await listLatestPublishedScores(await db());
	const byCity = Map.groupBy(rows, (r) => r.cityId);
	const out = new Map<string, number>();
	for (const [cityId, kfs] of byCity) {
		const s = roundScore(kfs.reduce((a, k) => a + k.score, 0) / kfs.length);
		if (s !== null) out.set(cityId, s);
	}
	return out;
}

export async function startOptions(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'assessment.manage', { cityId });
	const themes = await benchmarks.listThemes(actor);
	const d = await db();
	return Promise.all(
		themes
			.filter((t) => t.benchmark)
			.map(async (t) => {
				const b = t.benchmark!;
				const [open, previous] = await Promise.all([
					queries.findOpen(d, cityId, b.slug),
					queries.findLatestSubmitted(d, cityId, b.slug)
				]);
				return {
					slug: b.slug,
					title: b.title,
					version: b.version,
					openId: open?.id ?? null,
					previousCycle: previous?.cycle ?? null
				};
			})
	);
}

export type StartOutcome =
	| { ok: true; id: string }
	| { ok: false; field: 'benchmark' | 'cycle'; error: string; openId?: string };

/** Starts a cycle; with `prefill`, the city's answers of its last submitted cycle are copied. */
export async function start(
	actor: Actor | null,
	cityId: string,
	input: { benchmark: string; cycle: string; prefill: boolean }
): Promise<StartOutcome> {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'assessment.manage', { cityId });
	const d = await db();
	const versions = await benchmarkQueries.listVersionRows(d, input.benchmark);
	const current = versions.find((v) => v.isCurrent);
	if (!current) return { ok: false, field: 'benchmark', error: 'error_benchmark_required' };
	const open = await queries.findOpen(d, cityId, current.slug);
	if (open)
		return { ok: false, field: 'benchmark', error: 'error_assessment_open', openId: open.id };
	if (await queries.findCycle(d, cityId, current.slug, input.cycle)) {
		return { ok: false, field: 'cycle', error: 'error_cycle_taken' };
	}
	const previous = await queries.findLatestSubmitted(d, cityId, current.slug);
	const created = await d.transaction(async (tx) => {
		const a = await queries.insertAssessment(tx, {
			cityId,
			benchmarkId: current.id,
			benchmarkSlug: current.slug,
			cycle: input.cycle,
			previousId: previous?.id ?? null,
			createdBy: actor.userId
		});
		if (input.prefill && previous) {
			await copyAnswers(tx, previous, a, actor.userId);
			await copyContextNotes(tx, previous, a);
		}
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'assessment.start',
			entityType: 'assessment',
			entityId: a.id,
			cityId,
			after: {
				benchmark: current.slug,
				version: current.version,
				cycle: a.cycle,
				prefill: input.prefill
			}
		});
		return a;
	});
	return { ok: true, id: created.id };
}

/** Copies the context notes of an earlier cycle, matched by context factor (its slug). */
async function copyContextNotes(tx: Db, from: queries.Assessment, to: queries.Assessment) {
	const [old, next, notes] = await Promise.all([
		benchmarkQueries.listContextFactors(tx, from.benchmarkId),
		benchmarkQueries.listContextFactors(tx, to.benchmarkId),
		queries.listContextNotes(tx, from.id)
	]);
	const bySlug = new Map(next.map((c) => [c.slug, c.id]));
	for (const n of notes) {
		const slug = old.find((c) => c.id === n.contextFactorId)?.slug;
		const target = slug && bySlug.get(slug);
		if (!target) continue;
		await queries.upsertContextNote(tx, {
			assessmentId: to.id,
			contextFactorId: target,
			limit: n.limit,
			why: n.why
		});
	}
}

/**
 * Copies the city's answers from an earlier cycle, with their files. Its benchmark version may
 * differ, so a question is matched by its key factor and its wording; what has no match stays
 * unanswered.
 */
async function copyAnswers(
	tx: Db,
	from: queries.Assessment,
	to: queries.Assessment,
	userId: string
) {
	const [old, next] = await Promise.all([
		questionsOf(tx, from.benchmarkId),
		questionsOf(tx, to.benchmarkId)
	]);
	const byKey = new Map(next.map((q) => [`${q.keyFactorSlug}\u0000${q.text}`, q.id]));
	const oldKey = new Map(old.map((q) => [q.id, `${q.keyFactorSlug}\u0000${q.text}`]));
	for (const a of await queries.listConsolidated(tx, from.id)) {
		const target = byKey.get(oldKey.get(a.guideQuestionId) ?? '');
		if (!target) continue;
		const copy = await queries.insertAnswer(tx, {
			assessmentId: to.id,
			guideQuestionId: target,
			respondentId: null,
			kind: a.kind,
			rating: a.rating,
			evidence: a.evidence,
			links: a.links,
			updatedBy: userId
		});
		// The evidence files come along (the same stored files, not copies of the bytes).
		await attachmentQueries.copyAttachments(tx, a.id, copy.id);
	}
}

function taskStatus(questionIds: string[], answered: Set<string>): TaskStatus {
	const n = questionIds.filter((id) => answered.has(id)).length;
	return n === 0 ? 'not_started' : n === questionIds.length ? 'completed' : 'in_progress';
}

function isAnswered(a: queries.Answer | undefined) {
	return !!a?.kind;
}

/** The whole assessment as its city sees it: benchmark content, its answers, task statuses. */
export async function get(actor: Actor | null, id: string) {
	const a = await load(actor, id);
	const d = await db();
	const [content, answers, notes] = await Promise.all([
		benchmarkById(actor, a.benchmarkId),
		queries.listConsolidated(d, a.id),
		queries.listContextNotes(d, a.id)
	]);
	const byQuestion = new Map(answers.map((x) => [x.guideQuestionId, x]));
	const answered = new Set(answers.filter(isAnswered).map((x) => x.guideQuestionId));
	const noted = new Set(notes.filter((n) => n.limit).map((n) => n.contextFactorId));
	return {
		id: a.id,
		cityId: a.cityId,
		cycle: a.cycle,
		status: a.status,
		visibility: a.visibility,
		isDemo: a.isDemo,
		previousId: a.previousId,
		submittedAt: a.submittedAt,
		updatedAt: a.updatedAt,
		canAnswer: a.status === 'in_progress' && can(actor, 'assessment.answer', { cityId: a.cityId }),
		canManage: can(actor, 'assessment.manage', { cityId: a.cityId }),
		benchmark: content,
		keyFactors: content.keyFactors.map((k) => ({
			...k,
			status: taskStatus(
				k.guideQuestions.map((q) => q.id),
				answered
			),
			answers: k.guideQuestions.map((q) => {
				const x = byQuestion.get(q.id);
				return {
					questionId: q.id,
					kind: x?.kind ?? null,
					rating: x?.rating ?? null,
					evidence: x?.evidence ?? '',
					links: x?.links ?? [],
					revision: x?.revision ?? 0
				};
			})
		})),
		contextStatus: taskStatus(
			content.contextFactors.map((c) => c.id),
			noted
		),
		contextNotes: content.contextFactors.map((c) => {
			const n = notes.find((x) => x.contextFactorId === c.id);
			return { ...c, limit: n?.limit ?? null, why: n?.why ?? '' };
		})
	};
}

export type AssessmentView = Awaited<ReturnType<typeof get>>;

async function benchmarkById(actor: Actor | null, benchmarkId: string) {
	const b = await benchmarks.getBenchmarkById(actor, benchmarkId);
	if (!b) error(500, 'The benchmark of this assessment is missing.');
	return b;
}

async function changeStatus(
	actor: Actor | null,
	id: string,
	action: 'assessment.submit' | 'assessment.reopen',
	set: Parameters<typeof queries.updateAssessment>[2]
) {
	const a = await load(actor, id);
	requireAssessmentAccess(actor, a, 'assessment.manage');
	const d = await db();
	// Submitting twice would overwrite when it was submitted; reopening an open one is noise.
	const from = action === 'assessment.submit' ? 'in_progress' : 'submitted';
	if (a.status !== from) return { ok: false as const, reason: 'wrong-status' as const };
	if (action === 'assessment.reopen') {
		// Reopening must not break "one open assessment per city and benchmark".
		const open = await queries.findOpen(d, a.cityId, a.benchmarkSlug);
		if (open && open.id !== a.id) return { ok: false as const, reason: 'another-open' as const };
	}
	const after = await d.transaction(async (tx) => {
		const updated = await queries.updateAssessment(tx, a.id, set);
		await audit.record(tx, {
			actorUserId: actor!.userId,
			action,
			entityType: 'assessment',
			entityId: a.id,
			cityId: a.cityId,
			before: { status: a.status, submittedAt: a.submittedAt },
			after: { status: updated.status, submittedAt: updated.submittedAt }
		});
		return updated;
	});
	return { ok: true as const, assessment: after };
}

export async function submit(actor: Actor | null, id: string) {
	return changeStatus(actor, id, 'assessment.submit', {
		status: 'submitted',
		submittedAt: new Date(),
		submittedBy: actor?.userId ?? null
	});
}

export async function reopen(actor: Actor | null, id: string) {
	return changeStatus(actor, id, 'assessment.reopen', {
		status: 'in_progress',
		submittedAt: null,
		submittedBy: null
	});
}

/** Shares with the network or publishes; publishing needs a submitted assessment. */
export async function setVisibility(actor: Actor | null, id: string, visibility: Visibility) {
	const a = await load(actor, id);
	requireAssessmentAccess(actor, a, 'assessment.manage');
	if (visibility === 'public' && a.status !== 'submitted') {
		return { ok: false as const, reason: 'not-submitted' as const };
	}
	const d = await db();
	await d.transaction(async (tx) => {
		await queries.updateAssessment(tx, a.id, { visibility });
		await audit.record(tx, {
			actorUserId: actor!.userId,
			action: 'assessment.visibility',
			entityType: 'assessment',
			entityId: a.id,
			cityId: a.cityId,
			before: { visibility: a.visibility },
			after: { visibility }
		});
	});
	return { ok: true as const };
}
