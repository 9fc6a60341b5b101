// The bench's results as a table (each case's requests/s against the static file's, in the
// same run) and its aims met or missed.

/**
 * @typedef {{ name: string, path: string, baseline?: boolean, aim?: number, connections?: number, first?: number, rps?: number, p50?: number, p95?: number, p99?: number, non2xx?: number, errors?: number, note?: string }} Row
 */

/**
 * @param {Row[]} rows
 * @param {{ aimConnections: number, data: string }} context  What the aims were measured on.
 */
export function printResults(rows, { aimConnections, data }) {
	const baseline = rows.find((r) => r.baseline && r.rps);
	const header = [
		'case',
		'conn.',
		'first',
		'req/s',
		'p50',
		'p95',
		'p99',
		'vs static',
		'non-2xx / errors'
	];
	const table = [
		header,
		...rows.map((r) =>
			r.rps === undefined
				? [r.name, '–', '–', '–', '–', '–', '–', '–', r.note ?? '']
				: [
						r.name,
						String(r.connections),
						`${r.first} ms`,
						Math.round(r.rps).toLocaleString('en'),
						`${r.p50} ms`,
						`${r.p95} ms`,
						`${r.p99} ms`,
						baseline?.rps ? `${((100 * r.rps) / baseline.rps).toFixed(1)} %` : '–',
						`${r.non2xx} / ${r.errors}`
					]
		)
	];
	const widths = header.map((_, i) => Math.max(...table.map((row) => String(row[i]).length)));
	const line = (/** @type {(string | number)[]} */ row) =>
		`| ${row.map((cell, i) => String(cell).padEnd(widths[i] ?? 0)).join(' | ')} |`;
	console.log(`\n${line(header)}`);
	console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
	for (const row of table.slice(1)) console.log(line(row));
	console.log(
		`\n"vs static": the case's requests/s as a share of ${baseline ? `the ${baseline.name}'s (${baseline.path})` : 'the baseline (not measured)'}, in this run.` +
			'\n"first": the one request before the load, what the first reader after a start waits.' +
			"\np95 is computed from every response's latency in the measured run (autocannon itself reports p97.5 and p99)."
	);

	const aims = rows.filter((r) => r.aim !== undefined);
	if (aims.length > 0) {
		console.log(`\nAims (p95 latency, ${aimConnections} concurrent connections, ${data}):`);
		for (const r of aims) {
			const verdict =
				r.p95 === undefined
					? `not measured (${r.note ?? ''})`
					: `p95 ${r.p95} ms — ${r.p95 < (r.aim ?? 0) ? 'met' : 'MISSED'}`;
			console.log(`  ${r.name}: under ${r.aim} ms: ${verdict}`);
		}
	}
}
