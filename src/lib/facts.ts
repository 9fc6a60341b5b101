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

/**
 * A figure's source as a reader sees it. The figures loaded from content/ carry the note of
 * where in the seed documents they were found (file names, slide titles), for developers; a
 * reader is told they come from the network's documents.
 */
export function readableSource(source: string): string {
	return /^\d{3}_[0-9a-f]{16}\.txt\b/.test(source.trim()) ? m.facts_source_documents() : source;
}
