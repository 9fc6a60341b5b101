// A city's survey campaigns, a response's overview with its sections' statuses, and whether it can be answered now.
import { db } from '../db/index.ts';
import { can, requireAccess, type Actor } from '../access/index.ts';
import * as queries from './response-queries.ts';
import type { Section } from './definition.ts';
import type { AnswerRow } from './visibility.ts';
import { todayIso } from '../../plans.ts';
import { campaignOf, rowsByQuestion, type CampaignRow } from './response-common.ts';

export type Answering = 'open' | 'not_yet_open' | 'closed' | 'submitted';
export type SectionStatus = 'not_started' | 'in_progress' | 'completed';

/** Whether the city can answer now: a sent campaign between its dates, not yet submitted. */
export function answeringState(
	c: Pick<CampaignRow, 'status' | 'opensOn' | 'closesOn' | 'responseStatus'>,
	today = todayIso()
): Answering {
	if (c.responseStatus === 'submitted') return 'submitted';
	if (c.status !== 'sent') return 'closed';
	if (c.opensOn && today < c.opensOn) return 'not_yet_open';
	if (!c.closesOn || today > c.closesOn) return 'closed';
	return 'open';
}

function sectionStatus(
	s: Section,
	answers: ReadonlyMap<string, AnswerRow[]>,
	completedAt: Date | null | undefined
): SectionStatus {
	if (completedAt) return 'completed';
	return s.questions.some((q) => answers.get(q.key)?.length) ? 'in_progress' : 'not_started';
}

/** The campaigns a city was sent, open ones first, each with how far the city has come. */
export async function listForCity(actor: Actor | null, cityId: string) {
	requireAccess(actor, 'survey.respond', { cityId });
	const d = await db();
	const rows = await queries.listCampaignsOfCity(d, cityId);
	const today = todayIso();
	return rows.map((c) => ({
		slug: c.slug,
		edition: c.edition,
		surveyTitle: c.surveyTitle,
		opensOn: c.opensOn,
		closesOn: c.closesOn,
		responseStatus: c.responseStatus,
		submittedAt: c.submittedAt,
		answering: answeringState(c, today)
	}));
}

/** A campaign's task list: its sections with their statuses and who each was handed to. */
export async function overview(actor: Actor | null, cityId: string, slug: string) {
	requireAccess(actor, 'survey.respond', { cityId });
	const d = await db();
	const c = await campaignOf(d, cityId, slug);
	const [answerRows, sections, respondents] = await Promise.all([
		queries.listAnswers(d, [c.responseId]),
		queries.listSections(d, c.responseId),
		queries.listRespondents(d, cityId)
	]);
	const answers = rowsByQuestion(answerRows);
	const names = new Map(respondents.map((r) => [r.userId, r.name]));
	return {
		campaign: c,
		answering: answeringState(c),
		canSubmit: can(actor, 'survey.submit', { cityId }),
		sections: c.definition.sections.map((s) => {
			const row = sections.find((x) => x.sectionKey === s.key);
			return {
				key: s.key,
				title: s.title,
				status: sectionStatus(s, answers, row?.completedAt),
				assigneeId: row?.assigneeId ?? null,
				assigneeName: row?.assigneeId ? (names.get(row.assigneeId) ?? null) : null
			};
		}),
		respondents: respondents.map((r) => ({ userId: r.userId, name: r.name, role: r.role }))
	};
}
