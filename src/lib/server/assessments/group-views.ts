// How the respondents of an assessment answered, by group: per question each group's count,
// ratings, mean and spread, and where groups see a question very differently. Only the city's
// own coordinator and contributors see them; never a respondent's name next to a rating.
// Answers given through a link that was withdrawn since still count (they were given while
// the link was valid); the respondents page says who was withdrawn.
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { can, requireAccess, type Actor } from '../access/index.ts';
import * as queries from './queries.ts';
import * as respondentQueries from './respondent-queries.ts';
import { groupsDiffer, isRating, spread, type Rating } from './scoring.ts';
import {
	contentOf,
	loadAssessment,
	respondentGroups,
	type RespondentGroup
} from './respondent-shared.ts';

export interface GroupView {
	group: RespondentGroup;
	/** How many of the group answered the question (ratings, Don't know, Not applicable). */
	count: number;
	/** The group's ratings, lowest first (never in the order of who gave them). */
	ratings: Rating[];
	/** The mean rating (0–4), unrounded; null when nobody of the group rated it. */
	mean: number | null;
	spread: { min: Rating; max: Rating; range: number } | null;
	dontKnow: number;
	notApplicable: number;
}

export interface QuestionGroupViews {
	questionId: string;
	text: string;
	/** Every group, in the order of respondentGroups, also those without answers. */
	groups: GroupView[];
	/** Two groups' mean ratings differ by two levels or more. */
	differ: boolean;
}

export interface KeyFactorGroupViews {
	number: number;
	slug: string;
	title: string;
	questions: QuestionGroupViews[];
}

/** Only the city's own coordinator and contributors see how its respondents answered. */
async function loadForGroups(actor: Actor | null, assessmentId: string) {
	const a = await loadAssessment(actor, assessmentId);
	requireAccess(actor, 'assessment.read', { cityId: a.cityId });
	return a;
}

async function computeGroupViews(
	a: queries.Assessment,
	keyFactorSlug?: string
): Promise<KeyFactorGroupViews[]> {
	const d = await db();
	const [content, rows] = await Promise.all([
		contentOf(a.benchmarkId),
		respondentQueries.listGroupAnswers(d, a.id)
	]);
	const kfs =
		keyFactorSlug === undefined
			? content.keyFactors
			: content.keyFactors.filter((k) => k.slug === keyFactorSlug);
	if (keyFactorSlug !== undefined && kfs.length === 0) error(404, 'Not found');
	const byQuestion = new Map<string, typeof rows>();
	for (const row of rows) {
		const list = byQuestion.get(row.guideQuestionId) ?? [];
		list.push(row);
		byQuestion.set(row.guideQuestionId, list);
	}
	return kfs.map((k) => ({
		number: k.number,
		slug: k.slug,
		title: k.title,
		questions: k.guideQuestions.map((q) => {
			const answers = byQuestion.get(q.id) ?? [];
			const groups = respondentGroups.map((group): GroupView => {
				const mine = answers.filter((x) => x.group === group);
				const ratings = mine
					.flatMap((x) => (x.kind === 'rated' && isRating(x.rating) ? [x.rating] : []))
					.sort((x, y) => x - y);
				return {
					group,
					count: mine.length,
					ratings,
					mean: ratings.length ? ratings.reduce((s: number, x) => s + x, 0) / ratings.length : null,
					spread: spread(ratings),
					dontKnow: mine.filter((x) => x.kind === 'dont_know').length,
					notApplicable: mine.filter((x) => x.kind === 'not_applicable').length
				};
			});
			return {
				questionId: q.id,
				text: q.text,
				groups,
				differ: groupsDiffer(groups.map((g) => g.mean))
			};
		})
	}));
}

/**
 * Per question, per group: how many answered, their ratings, mean and spread, and whether
 * groups differ by two levels or more. For the city's coordinator and contributors.
 */
export async function groupViews(
	actor: Actor | null,
	assessmentId: string,
	keyFactorSlug?: string
): Promise<KeyFactorGroupViews[]> {
	const a = await loadForGroups(actor, assessmentId);
	return computeGroupViews(a, keyFactorSlug);
}

/**
 * For the key factor page's load: the group views of its questions by question id, or null
 * when the reader may read the assessment but not its respondents' views (a network admin of
 * a shared assessment). `respondents` is how many people were invited.
 */
export async function groupViewsForKeyFactor(
	actor: Actor | null,
	assessmentId: string,
	keyFactorSlug: string
): Promise<{ respondents: number; byQuestion: Record<string, QuestionGroupViews> } | null> {
	const a = await loadAssessment(actor, assessmentId);
	if (!can(actor, 'assessment.read', { cityId: a.cityId })) return null;
	const [kf] = await computeGroupViews(a, keyFactorSlug);
	const invited = await respondentQueries.listRespondents(await db(), a.id);
	return {
		respondents: invited.length,
		byQuestion: Object.fromEntries(kf!.questions.map((q) => [q.questionId, q]))
	};
}

/** For the report: the questions where groups differ by two levels or more. */
export async function groupDifferences(actor: Actor | null, assessmentId: string) {
	const a = await loadForGroups(actor, assessmentId);
	const views = await computeGroupViews(a);
	return views.flatMap((k) =>
		k.questions
			.filter((q) => q.differ)
			.map((q) => ({
				keyFactor: { number: k.number, slug: k.slug, title: k.title },
				questionId: q.questionId,
				question: q.text,
				groups: q.groups.map((g) => ({ group: g.group, count: g.count, mean: g.mean }))
			}))
	);
}
