// Private helpers the survey-response modules share (the city's campaign, a section, answers by question, commitments).
import { error } from '@sveltejs/kit';
import type { Db } from '../db/index.ts';
import * as charterQueries from '../charter/queries.ts';
import * as queries from './response-queries.ts';
import type { Section } from './definition.ts';
import type { AnswerRow } from './visibility.ts';

export type CampaignRow = queries.CampaignOfCity;

export async function campaignOf(d: Db, cityId: string, slug: string) {
	const c = await queries.findCampaignOfCity(d, cityId, slug);
	if (!c) error(404, 'Not found');
	return c;
}

export function sectionOf(c: CampaignRow, sectionKey: string): Section {
	const s = c.definition.sections.find((x) => x.key === sectionKey);
	if (!s) error(404, 'Not found');
	return s;
}

/** The Charter's commitments (slug and text), for commitment questions. */
export async function commitmentsIn(d: Db) {
	const rows = await charterQueries.listCommitments(d);
	return rows.map((r) => ({ slug: r.slug, text: r.text }));
}

/** A response's answer rows, grouped by question. */
export function rowsByQuestion(
	rows: { questionKey: string; cell: string; number: number | null; text: string | null }[]
) {
	const map = new Map<string, AnswerRow[]>();
	for (const r of rows) {
		const list = map.get(r.questionKey) ?? [];
		list.push({ cell: r.cell, number: r.number, text: r.text });
		map.set(r.questionKey, list);
	}
	return map;
}
