// What the cities' map can colour its markers by. Each figure sorts a city into one of its
// bands; a band has a shape and a colour, so the legend never relies on colour alone.
// Adding a figure is one entry here, its label, its bands' labels and how its value reads in
// CityMap.svelte, and its values in the cities page's load.

export type Shape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface Band {
	key: string;
	shape: Shape;
	/** Fill of the marker; each has at least 3:1 contrast with the map's sea and land. */
	colour: string;
}

export interface FigureDef {
	bands: Band[];
	/** The band of a city's value (a boolean or a number, null when there is none). */
	bandOf: (value: boolean | number | null) => string;
}

export const figureDefs = {
	charter: {
		bands: [
			{ key: 'yes', shape: 'circle', colour: '#00703c' },
			{ key: 'no', shape: 'square', colour: '#6f2c91' }
		],
		bandOf: (v) => (v === true ? 'yes' : 'no')
	},
	score: {
		bands: [
			{ key: 'high', shape: 'circle', colour: '#00703c' },
			{ key: 'mid', shape: 'diamond', colour: '#1d70b8' },
			{ key: 'low', shape: 'triangle', colour: '#b1400b' },
			{ key: 'none', shape: 'square', colour: '#505a5f' }
		],
		bandOf: (v) => (typeof v !== 'number' ? 'none' : v >= 75 ? 'high' : v >= 50 ? 'mid' : 'low')
	},
	/** The published practices a city takes part in (one practice may be of several cities). */
	practices: {
		bands: [
			{ key: 'many', shape: 'circle', colour: '#00703c' },
			{ key: 'some', shape: 'diamond', colour: '#1d70b8' },
			{ key: 'one', shape: 'triangle', colour: '#b1400b' },
			{ key: 'none', shape: 'square', colour: '#505a5f' }
		],
		bandOf: (v) =>
			typeof v !== 'number' || v < 1 ? 'none' : v >= 5 ? 'many' : v >= 2 ? 'some' : 'one'
	}
} satisfies Record<string, FigureDef>;

export type Figure = keyof typeof figureDefs;

export const figures = Object.keys(figureDefs) as Figure[];
export const defaultFigure: Figure = 'charter';

/** The figure asked for in `?colour=`; anything else is the default, without an error. */
export function parseFigure(value: string | null | undefined): Figure {
	return figures.find((f) => f === value) ?? defaultFigure;
}

export function bandOf(figure: Figure, value: boolean | number | null): Band {
	const def: FigureDef = figureDefs[figure];
	const key = def.bandOf(value);
	return def.bands.find((b) => b.key === key) ?? def.bands[def.bands.length - 1]!;
}

/**
 * A marker as SVG path data, so that many markers of one band can be drawn as one path (a
 * network of thousands of cities; see MARKERS_ONE_BY_ONE).
 */
export function markerPath(shape: Shape, x: number, y: number, r: number): string {
	const n = (v: number) => Math.round(v * 10) / 10;
	switch (shape) {
		case 'circle':
			return `M${n(x - r)} ${n(y)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
		case 'square': {
			const h = n(r * 0.85);
			return `M${n(x - h)} ${n(y - h)}h${n(2 * h)}v${n(2 * h)}h${n(-2 * h)}z`;
		}
		case 'triangle':
			return `M${n(x)} ${n(y - r * 1.15)}L${n(x + r * 1.05)} ${n(y + r * 0.8)}L${n(x - r * 1.05)} ${n(y + r * 0.8)}z`;
		case 'diamond':
			return `M${n(x)} ${n(y - r * 1.2)}L${n(x + r * 1.2)} ${n(y)}L${n(x)} ${n(y + r * 1.2)}L${n(x - r * 1.2)} ${n(y)}z`;
	}
}

/**
 * Up to this many cities, each marker is its own element with the city's name as its title;
 * beyond it, one path per band (the page stays small; the table names every city).
 */
export const MARKERS_ONE_BY_ONE = 400;
/** Rows of the cities' table per page. */
export const TABLE_PAGE_SIZE = 100;
