// The export's rows in batches of EXPORT_BATCH cities (survey.manage), apart because they read every answer, not figures; results-export.ts writes them out.
import type { Actor } from '../access/index.ts';
import { localized, type Question } from './definition.ts';
import * as queries from './results-queries.ts';
import { cellsOf } from './results-figures.ts';
import { findReadable } from './results.ts';

/** A row of the export: one city's value of one question (one cell of a table). */
export interface ExportRow {
	city: string;
	country: string;
	section: string;
	questionKey: string;
	question: string;
	cell: string;
	row: string;
	column: string;
	number: number | null;
	text: string;
	unit: string;
}

/**
 * Cities read per query while exporting: memory stays the same whatever the campaign's size.
 * Small on purpose: a batch's rows then die young (V8's new space) instead of being promoted,
 * which kept the server's growth during a 547 MB download at +15 MB, against +78 MB with 250.
 */
export const EXPORT_BATCH = 50;

/**
 * The campaign's answers for download (survey.manage): one row per city × question × cell,
 * submitted responses only, cities by name. The rows are read in batches of EXPORT_BATCH
 * cities (keyset pagination), so a caller writing them out as they come holds one batch.
 */
export async function exportAnswers(actor: Actor | null, slug: string, locale: string) {
	const { d, found } = await findReadable(actor, slug, true);
	const c = found.campaign;
	const definition = found.definition;
	const where = new Map<string, { q: Question; section: string }>();
	for (const s of definition.sections)
		for (const q of s.questions) where.set(q.key, { q, section: localized(s.title, locale) });
	const order = [...where.keys()];
	const cells = new Map(
		[...where.values()].map(({ q }) => [q.key, new Map(cellsOf(q, locale).map((x) => [x.cell, x]))])
	);

	async function* rows(): AsyncGenerator<ExportRow[]> {
		let after: { name: string; id: string } | null = null;
		for (;;) {
			const batch = await queries.submittedCitiesAfter(d, c.id, after, EXPORT_BATCH);
			if (!batch.length) return;
			const answers = await queries.answersOf(
				d,
				batch.map((b) => b.responseId)
			);
			const byResponse = new Map<string, (typeof answers)[number][]>();
			for (const a of answers) {
				if (!where.has(a.questionKey)) continue;
				if (!byResponse.has(a.responseId)) byResponse.set(a.responseId, []);
				byResponse.get(a.responseId)!.push(a);
			}
			const out: ExportRow[] = [];
			for (const b of batch) {
				const mine = (byResponse.get(b.responseId) ?? []).sort(
					(x, y) =>
						order.indexOf(x.questionKey) - order.indexOf(y.questionKey) ||
						x.cell.localeCompare(y.cell)
				);
				for (const a of mine) {
					const { q, section } = where.get(a.questionKey)!;
					const cell = cells.get(q.key)?.get(a.cell);
					const option =
						q.type === 'single' && a.text
							? localized(q.options?.find((o) => o.key === a.text)?.label, locale)
							: q.type === 'multiple' && a.cell
								? localized(q.options?.find((o) => o.key === a.cell)?.label, locale)
								: '';
					out.push({
						city: b.cityName,
						country: b.country,
						section,
						questionKey: q.key,
						question: localized(q.label, locale),
						cell: a.cell,
						row: cell?.row ?? '',
						column: cell?.column ?? '',
						number: q.type === 'multiple' ? null : a.number,
						text: option || a.text || '',
						unit: localized(q.unit, locale)
					});
				}
			}
			yield out;
			const last = batch[batch.length - 1]!;
			after = { name: last.cityName, id: last.cityId };
		}
	}
	return {
		name: `${c.slug}-results`,
		title: `${localized(found.survey.title, locale)} – ${c.edition}`,
		rows
	};
}
