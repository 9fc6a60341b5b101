// A CSV file as rows of cells (RFC 4180: cells in double quotes, "" for a quote, CRLF between
// rows), so that journeys read a download as a spreadsheet program would.

/** The rows of a CSV text; a byte-order mark at the start is left out. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const input = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < input.length; i++) {
		const c = input[i]!;
		if (quoted) {
			if (c === '"' && input[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && input[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += c;
	}
	if (cell !== '' || row.length > 0) rows.push([...row, cell]);
	return rows;
}
