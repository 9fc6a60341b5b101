import { getLocale } from './paraglide/runtime.js';

/** The locale for formatting: English readers here are European, so dates read 24 November 2026. */
export function formatLocale(): string {
	const locale = getLocale();
	return locale === 'en' ? 'en-GB' : locale;
}

/** A date in the reader's language; an ISO day ("2018-11-07") is shown without a time zone shift. */
export function formatDate(value: string | Date): string {
	const date = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T12:00:00Z`) : value;
	return new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(
		date
	);
}

export function formatDateTime(value: Date | string): string {
	// Shown with its time zone: the server's clock is not the reader's.
	return new Intl.DateTimeFormat(formatLocale(), {
		// dateStyle/timeStyle cannot be combined with timeZoneName, hence the parts.
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'UTC',
		timeZoneName: 'short'
	}).format(new Date(value));
}

export function formatNumber(value: number): string {
	return new Intl.NumberFormat(formatLocale()).format(value);
}

/** One DisplayNames per language: making one costs more than a hundred look-ups. */
const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the reader's language, from its ISO code. */
export function countryName(code: string): string {
	const locale = getLocale();
	try {
		let names = regionNames.get(locale);
		if (!names) {
			names = new Intl.DisplayNames([locale], { type: 'region' });
			regionNames.set(locale, names);
		}
		return names.of(code) ?? code;
	} catch {
		return code;
	}
}

/** "2014" as a year, "2018-11" as a month and year, anything else as it is. */
export function formatPeriod(value: string): string {
	if (/^\d{4}$/.test(value)) return value;
	if (/^\d{4}-\d{2}$/.test(value)) {
		return new Intl.DateTimeFormat(formatLocale(), {
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		}).format(new Date(`${value}-15T12:00:00Z`));
	}
	return formatDate(value);
}
