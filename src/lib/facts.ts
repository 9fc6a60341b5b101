// How a city's figures read on a page: their names and their values in the reader's language.
import { m } from './paraglide/messages.js';
import { formatNumber } from './format.ts';

export const figures = [
	'population',
	'migrant_background_share',
	'foreign_nationals_share'
] as const;
export type Figure = (typeof figures)[number];

export function figureLabel(figure: Figure): string {
	if (figure === 'population') return m.facts_figure_population();
	if (figure === 'migrant_background_share') return m.facts_figure_migrant_background_share();
	return m.facts_figure_foreign_nationals_share();
}

/** "339,784" for a population, "23.5 %" for a share. */
export function formatFigure(figure: Figure, value: number): string {
	return figure === 'population' ? formatNumber(value) : `${formatNumber(value)} %`;
}
