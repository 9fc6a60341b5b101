// The form of a signature the network records: the city, and what is known of the signing.
import * as v from 'valibot';
import { isoDay, isUuid, optionalText } from '../validation.ts';

/**
 * The latest day anywhere on Earth now (UTC+14): a signature made today in any time zone is
 * not "in the future", whatever the server's clock says.
 */
export function latestToday(now = new Date()): string {
	return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** A day signed must not lie after today (an unknown day, null, is allowed and stays null). */
export function isFutureDay(day: string | null, now = new Date()): boolean {
	return day !== null && day > latestToday(now);
}

const details = {
	signedOn: v.pipe(
		isoDay('signatory_error_date_invalid'),
		v.check((d) => !isFutureDay(d), 'signatory_error_date_future')
	),
	place: optionalText(120, 'signatory_error_too_long'),
	signedBy: optionalText(200, 'signatory_error_too_long'),
	source: optionalText(1000, 'signatory_error_too_long')
};

export const signatureForm = v.object({
	cityId: v.pipe(
		v.optional(v.string(), ''),
		v.check((s) => isUuid(s), 'signatory_error_city_required')
	),
	...details
});
export type SignatureInput = v.InferOutput<typeof signatureForm>;

/** Editing a recorded signature: the city stays the one that signed. */
export const signatureEditForm = v.object(details);
export type SignatureDetails = v.InferOutput<typeof signatureEditForm>;
