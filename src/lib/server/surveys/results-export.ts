// A campaign's answers as downloads, written while they are read: CSV as a stream of text
// (every cell quoted, a leading = + - @ defused: see ../csv.ts), XLSX with exceljs's streaming
// workbook writer, which writes rows to the zip as they are committed. Neither holds more than
// one batch of cities (results-export-rows.ts: EXPORT_BATCH) in memory, whatever the campaign's size.
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { csvCell } from '../csv.ts';
import type { Actor } from '../access/index.ts';
import * as exportRows from './results-export-rows.ts';

/** The columns of both downloads: one row per city × question × cell (a "long" table). */
export const EXPORT_COLUMNS = [
	'city',
	'country',
	'section',
	'question_key',
	'question',
	'cell',
	'row',
	'column',
	'number',
	'text',
	'unit'
] as const;

function cellsOf(r: exportRows.ExportRow): (string | number | null)[] {
	return [
		r.city,
		r.country,
		r.section,
		r.questionKey,
		r.question,
		r.cell,
		r.row,
		r.column,
		r.number,
		r.text,
		r.unit
	];
}

const fileName = (name: string) => name.replace(/[^A-Za-z0-9_-]+/g, '-');

/**
 * The CSV download as a stream: the header first, then each batch of cities as it is read
 * (pull-based, so a slow client slows the reading rather than filling memory).
 */
export async function csvDownload(actor: Actor | null, slug: string, locale: string) {
	const exported = await exportRows.exportAnswers(actor, slug, locale);
	const batches = exported.rows();
	const encoder = new TextEncoder();
	const line = (cells: (string | number | null)[]) =>
		cells.map((c) => csvCell(c === null ? '' : String(c))).join(',') + '\r\n';
	let started = false;
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				// A byte-order mark so that spreadsheet programs read the accents right.
				controller.enqueue(encoder.encode('\uFEFF' + line([...EXPORT_COLUMNS])));
				return;
			}
			const next = await batches.next();
			if (next.done) {
				controller.close();
				return;
			}
			controller.enqueue(encoder.encode(next.value.map((r) => line(cellsOf(r))).join('')));
		},
		async cancel() {
			await batches.return(undefined);
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName(exported.name)}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
}

/**
 * The XLSX download: exceljs's WorkbookWriter streams the sheet into the zip as rows are
 * committed; its output is piped to the response. Numbers stay numbers (a secretariat sums
 * and pivots them), texts are texts: a cell starting with = is never read as a formula.
 */
export async function xlsxDownload(actor: Actor | null, slug: string, locale: string) {
	const exported = await exportRows.exportAnswers(actor, slug, locale);
	const out = new PassThrough();
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: out,
		useStyles: true,
		useSharedStrings: false
	});
	workbook.creator = 'Integrating Cities';
	const sheet = workbook.addWorksheet(exported.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '), {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	sheet.columns = EXPORT_COLUMNS.map((key) => ({
		header: key,
		key,
		width: key === 'question' ? 60 : key === 'city' || key === 'section' ? 24 : 14
	}));
	sheet.getRow(1).font = { bold: true };
	const write = async () => {
		try {
			for await (const batch of exported.rows()) {
				for (const r of batch) sheet.addRow(cellsOf(r)).commit();
				// Let the zip drain before the next batch is read.
				if (out.writableNeedDrain) await new Promise((done) => out.once('drain', done));
			}
			sheet.commit();
			await workbook.commit();
		} catch (e) {
			out.destroy(e as Error);
		}
	};
	void write();
	return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${fileName(exported.name)}.xlsx"`,
			'cache-control': 'private, no-store'
		}
	});
}
