import { formatLocale } from './format.ts';

/** Two days as one range in the reader's language: "7–8 November 2018". */
export function formatDayRange(start: string, end: string): string {
	const day = (d: string) => new Date(`${d.slice(0, 10)}T12:00:00Z`);
	return new Intl.DateTimeFormat(formatLocale(), {
		dateStyle: 'long',
		timeZone: 'UTC'
	}).formatRange(day(start), day(end));
}
