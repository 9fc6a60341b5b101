// CSV for spreadsheets: every cell quoted, rows ended by CRLF (RFC 4180), and a leading
// = + - @ defused so that a spreadsheet never runs a cell as a formula.

/** A CSV cell, quoted; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return `"${safe.replace(/"/g, '""')}"`;
}

/** Rows (the first one the header) as CSV text. */
export function toCsvText(rows: string[][]): string {
	return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * A CSV download: with a byte-order mark so that spreadsheet programs read the accents right,
 * and a file name of plain letters.
 */
export function csvResponse(text: string, name: string): Response {
	const file = name.replace(/[^A-Za-z0-9_-]+/g, '-');
	return new Response('\uFEFF' + text, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${file}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
}
