// How survey results' figures are written for readers: numbers in the reader's language,
// shares as percentages, an unknown value as "unknown" (never 0).
import { m } from '#lib/paraglide/messages.js';

export function formatNumber(value: number | null | undefined, locale: string): string {
	if (value === null || value === undefined) return m.results_unknown();
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

export function formatShare(value: number | null | undefined, locale: string): string {
	if (value === null || value === undefined) return '–';
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(
		value
	);
}

/** A value of the table by city: a number, a text, or unknown. */
export function formatValue(value: string | number | null, locale: string): string {
	if (value === null) return m.results_unknown();
	if (typeof value === 'number') return formatNumber(value, locale);
	if (value === 'yes') return m.results_answer_yes();
	if (value === 'partly') return m.results_answer_partly();
	if (value === 'no') return m.results_answer_no();
	return value;
}

/** The label of a commitment answer (yes, partly, no). */
export function answerLabel(value: string): string {
	if (value === 'yes') return m.results_answer_yes();
	if (value === 'partly') return m.results_answer_partly();
	if (value === 'no') return m.results_answer_no();
	return value;
}
