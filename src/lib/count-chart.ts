// The geometry of a count over time (the Charter's signatories): points placed by date on a
// yearly axis, counts from zero up. Pure, so the server draws it and a test can check it.

export interface CountChartPoint {
	/** A year ("2014"), a month ("2018-11") or a day ("2023-05-16"). */
	period: string;
	count: number;
}

/** A period as a fractional year: a year at its middle, a month at its middle, a day as is. */
export function yearOf(period: string): number {
	const [y, mo, d] = period.split('-').map(Number) as [number, number?, number?];
	if (mo === undefined) return y + 0.5;
	if (d === undefined) return y + (mo - 0.5) / 12;
	return y + (mo - 1) / 12 + (d - 1) / 365;
}

/** A round step for the count axis (1, 2, 5, 10, 20, 50…) giving at most about five ticks. */
function step(max: number): number {
	for (let magnitude = 1; ; magnitude *= 10) {
		for (const s of [1, 2, 5]) if (max / (s * magnitude) <= 5) return s * magnitude;
	}
}

export function countChart<P extends CountChartPoint>(
	points: P[],
	size: {
		width: number;
		height: number;
		margin?: { top: number; right: number; bottom: number; left: number };
	}
) {
	const { width, height } = size;
	const margin = size.margin ?? { top: 16, right: 24, bottom: 28, left: 40 };
	if (points.length === 0) return null;
	const years = points.map((p) => yearOf(p.period));
	const from = Math.floor(Math.min(...years));
	const to = Math.max(Math.ceil(Math.max(...years)), from + 1);
	const top = Math.max(...points.map((p) => p.count), 1);
	const yStep = step(top);
	const yMax = Math.ceil(top / yStep) * yStep;
	const x = (year: number) =>
		margin.left + ((year - from) / (to - from)) * (width - margin.left - margin.right);
	const y = (count: number) =>
		height - margin.bottom - (count / yMax) * (height - margin.top - margin.bottom);
	const placed = points.map((p, i) => ({ ...p, x: x(years[i]!), y: y(p.count) }));
	// Labels every year while they fit (about 36 units each), else every second, fifth… year.
	const room = (width - margin.left - margin.right) / 36;
	const every = [1, 2, 5, 10, 20].find((n) => (to - from) / n <= room) ?? 50;
	const xTicks = [];
	for (let year = Math.ceil(from / every) * every; year <= to; year += every) {
		xTicks.push({ year, x: x(year) });
	}
	const yTicks = [];
	for (let c = 0; c <= yMax; c += yStep) yTicks.push({ count: c, y: y(c) });
	return {
		width,
		height,
		left: margin.left,
		right: width - margin.right,
		bottom: height - margin.bottom,
		line: placed.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(''),
		points: placed,
		xTicks,
		yTicks
	};
}
