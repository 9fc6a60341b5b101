// The number of signatories over time, from what is known and nothing more: the seeds'
// statements ("33 in 2014", "39 in November 2018") and the days of signatures recorded since.
// A signature dated within or before the latest statement's period is already in its count
// (the seeds name only the last two of the 39), so only later ones add to it; a signature
// without a day cannot be placed in time and is left out (the page says how many).

export interface CountStatement {
	count: number;
	/** A year ("2014"), a month ("2018-11") or a day. */
	asOf: string;
}

export interface DatedSignatures {
	/** yyyy-mm-dd */
	signedOn: string;
	/** How many cities signed that day. */
	count: number;
	/** Their names, where the caller has them (the public page does, the dashboard does not). */
	cities?: string[];
}

export interface CountPoint {
	/** A year, month or day, as the statement or signature gives it. */
	period: string;
	count: number;
	kind: 'statement' | 'signature';
	/** For a signature point: the cities that signed that day (when known). */
	cities: string[];
}

/** Whether a day falls after a period (year, month or day): compared at the period's precision. */
function after(day: string, period: string): boolean {
	return day.slice(0, period.length) > period;
}

export function countOverTime(
	statements: CountStatement[],
	signatures: DatedSignatures[]
): CountPoint[] {
	const stated = [...statements].sort((a, b) => a.asOf.localeCompare(b.asOf));
	const points: CountPoint[] = stated.map((s) => ({
		period: s.asOf,
		count: s.count,
		kind: 'statement',
		cities: []
	}));
	const last = stated.at(-1);
	let count = last?.count ?? 0;
	const later = signatures
		.filter((s) => !last || after(s.signedOn, last.asOf))
		.sort((a, b) => a.signedOn.localeCompare(b.signedOn));
	for (const s of later) {
		count += s.count;
		points.push({ period: s.signedOn, count, kind: 'signature', cities: s.cities ?? [] });
	}
	return points;
}
