// Form and endpoint validation with Valibot. Messages are keys of the message files, so the
// page shows them in the reader's language; the values typed are always sent back.
import * as v from 'valibot';

export type FieldErrors = Record<string, string>;

export type Validated<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Text fields of a form, as typed (files and repeated fields are read separately). */
export function formValues(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) {
		if (typeof value === 'string' && !(key in values)) values[key] = value;
	}
	return values;
}

export function validate<S extends v.GenericSchema>(
	schema: S,
	values: Record<string, string>
): Validated<v.InferOutput<S>> {
	const result = v.safeParse(schema, values);
	if (result.success) return { ok: true, data: result.output };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const field = issue.path?.[0]?.key;
		const name = typeof field === 'string' ? field : '_form';
		errors[name] ??= issue.message;
	}
	// Passwords are never sent back to the browser.
	const kept = { ...values };
	for (const key of Object.keys(kept)) if (/password/i.test(key)) kept[key] = '';
	return { ok: false, errors, values: kept };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive from URLs; anything that is not a uuid cannot name a row (and must not reach SQL). */
export function isUuid(value: string | null | undefined): value is string {
	return typeof value === 'string' && UUID.test(value);
}

export const fields = {
	name: v.pipe(
		v.string('error_name_required'),
		v.trim(),
		v.nonEmpty('error_name_required'),
		v.maxLength(120, 'error_name_too_long')
	),
	/** A name with its own "required" message (a city's name, an invitee's name…). */
	personName: (required: string) =>
		v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.nonEmpty(required),
			v.maxLength(120, 'error_name_too_long')
		),
	email: v.pipe(
		v.string('error_email_required'),
		v.trim(),
		v.nonEmpty('error_email_required'),
		v.maxLength(254, 'error_email_invalid'),
		v.email('error_email_invalid'),
		v.toLowerCase()
	),
	newPassword: v.pipe(
		v.string('error_password_required'),
		v.nonEmpty('error_password_required'),
		v.minLength(10, 'error_password_too_short'),
		v.maxLength(128, 'error_password_too_long')
	),
	password: v.pipe(
		v.string('error_password_required'),
		v.nonEmpty('error_password_required'),
		v.maxLength(128, 'error_password_too_long')
	),
	optionalText: (max: number) =>
		v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(max, 'error_text_too_long'))
};

/** A text field as typed, trimmed ('' when absent). */
export const text = v.pipe(v.optional(v.string(), ''), v.trim());

/** A text that must be given, up to max characters; each problem with its own message. */
export const requiredText = (max: number, requiredKey: string, tooLongKey: string) =>
	v.pipe(text, v.nonEmpty(requiredKey), v.maxLength(max, tooLongKey));

/** A text that may be left empty, up to max characters. */
export const optionalText = (max: number, tooLongKey: string) =>
	v.pipe(text, v.maxLength(max, tooLongKey));

/** A day as yyyy-mm-dd (what a date input sends), or null when left empty. */
export const isoDay = (invalidKey: string) =>
	v.pipe(
		text,
		v.transform((s) => (s === '' ? null : s)),
		v.nullable(
			v.pipe(
				v.string(),
				v.isoDate(invalidKey),
				// A day that exists (the format alone lets 30 February through).
				v.check((s) => {
					const d = new Date(`${s}T00:00:00Z`);
					return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
				}, invalidKey)
			)
		)
	);
