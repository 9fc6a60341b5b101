// The API's read of a city's own survey responses: apart, as it speaks the API's shape across all the city's campaigns.
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as queries from './response-queries.ts';
import { allQuestions, type Question } from './definition.ts';
import { visibleQuestions, type AnswerRow } from './visibility.ts';
import { rowsByQuestion } from './response-common.ts';

/**
 * The API's view of a city's own responses: each campaign with its status and the answers
 * keyed by question (a value, or cells). Members of the city only; anyone else gets 404.
 */
export async function responsesOfCity(actor: Actor | null, citySlug: string) {
	const d = await db();
	const found = await queries.findCityBySlug(d, citySlug);
	// An unknown slug and another city read the same.
	requireAccess(actor, 'survey.respond', {
		cityId: found?.id ?? '00000000-0000-0000-0000-000000000000'
	});
	const c = found!;
	const campaigns = await queries.listCampaignsOfCity(d, c.id);
	const rows = await queries.listAnswers(
		d,
		campaigns.map((x) => x.responseId)
	);
	return {
		city: { slug: c.slug, name: c.name },
		responses: campaigns.map((x) => {
			const answers = rowsByQuestion(rows.filter((r) => r.responseId === x.responseId));
			const visible = visibleQuestions(x.definition, answers);
			return {
				campaign: x.slug,
				edition: x.edition,
				survey: x.surveySlug,
				status: x.responseStatus,
				submittedAt: x.submittedAt?.toISOString() ?? null,
				answers: Object.fromEntries(
					allQuestions(x.definition)
						.filter((q) => visible.has(q.key) && answers.get(q.key)?.length)
						.map((q) => [q.key, apiValue(q, answers.get(q.key)!)])
				)
			};
		})
	};
}

/** An answer as the API gives it: one value, or a value per cell (commitment, table cell, option). */
function apiValue(q: Question, rows: AnswerRow[]): unknown {
	switch (q.type) {
		case 'number':
		case 'scale':
			return rows[0]!.number;
		case 'multiple':
			return rows.filter((r) => r.cell).map((r) => r.cell);
		case 'commitments':
			return Object.fromEntries(rows.map((r) => [r.cell, r.text]));
		case 'table':
			return Object.fromEntries(rows.map((r) => [r.cell, r.number]));
		default:
			return rows[0]!.text;
	}
}
