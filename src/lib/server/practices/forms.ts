// The practice form: what a city types, checked field by field. Messages are keys of the
// message files; the limits are also shown as hints next to each field.
import * as v from 'valibot';
import type { KeyFactorRef } from './schema.ts';

export const limits = {
	title: 200,
	summary: 600,
	description: 20_000,
	other: 2_000,
	links: 20
} as const;

export const languages = ['en', 'fr', 'de', 'it', 'es', 'pl', 'uk', 'ar'] as const;

const required = (max: number, requiredKey: string, tooLongKey: string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.nonEmpty(requiredKey),
		v.maxLength(max, tooLongKey)
	);

const optional = (max: number, tooLongKey: string) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(max, tooLongKey),
		v.transform((s) => (s === '' ? null : s))
	);

const year = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.transform((s) => (s === '' ? null : Number(s))),
	v.nullable(
		v.pipe(
			v.number('error_practice_year_invalid'),
			v.integer('error_practice_year_invalid'),
			v.minValue(1900, 'error_practice_year_invalid'),
			v.maxValue(2100, 'error_practice_year_invalid')
		)
	)
);

function isWebLink(s: string) {
	try {
		const url = new URL(s);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

const links = v.pipe(
	v.optional(v.string(), ''),
	v.transform((s) =>
		s
			.split(/\r?\n/)
			.map((l) => l.trim())
			.filter(Boolean)
	),
	v.maxLength(limits.links, 'error_practice_links_too_many'),
	v.check((list) => list.every((l) => l.length <= limits.other), 'error_practice_links_invalid'),
	v.check((list) => list.every(isWebLink), 'error_practice_links_invalid')
);

const list = v.optional(v.array(v.string()), []);

export const practiceForm = v.pipe(
	v.object({
		title: required(limits.title, 'error_practice_title_required', 'error_practice_title_too_long'),
		summary: required(
			limits.summary,
			'error_practice_summary_required',
			'error_practice_summary_too_long'
		),
		description: optional(limits.description, 'error_practice_description_too_long'),
		periodFrom: year,
		periodTo: year,
		cities: list,
		themes: list,
		keyFactors: list,
		commitments: list,
		audience: optional(limits.other, 'error_practice_text_too_long'),
		results: optional(limits.other, 'error_practice_text_too_long'),
		resources: optional(limits.other, 'error_practice_text_too_long'),
		funding: optional(limits.other, 'error_practice_text_too_long'),
		partners: optional(limits.other, 'error_practice_text_too_long'),
		contact: optional(limits.other, 'error_practice_text_too_long'),
		links,
		language: v.pipe(
			v.optional(v.string(), 'en'),
			v.picklist(languages, 'error_practice_language_invalid')
		)
	}),
	v.forward(
		v.check(
			(p) => p.periodFrom === null || p.periodTo === null || p.periodFrom <= p.periodTo,
			'error_practice_period_order'
		),
		['periodTo']
	)
);

export type PracticeFormOutput = v.InferOutput<typeof practiceForm>;

/** What the service stores: the form's output with key factors as references. */
export type PracticeInput = Omit<PracticeFormOutput, 'keyFactors'> & { keyFactors: KeyFactorRef[] };

/** The repeated fields (check boxes) of the form, by name. */
export const listFields = ['cities', 'themes', 'keyFactors', 'commitments'] as const;

/** The form's values as valibot checks them: text once, check boxes as lists. */
export function practiceValues(formData: FormData) {
	const values: Record<string, string | string[]> = {};
	for (const [key, value] of formData) {
		if (typeof value !== 'string') continue;
		if ((listFields as readonly string[]).includes(key)) {
			const existing = values[key];
			values[key] = Array.isArray(existing) ? [...existing, value] : [value];
		} else if (!(key in values)) values[key] = value;
	}
	return values;
}

export type FormErrors = Record<string, string>;

export function checkPractice(
	values: Record<string, string | string[]>
): { ok: true; data: PracticeInput } | { ok: false; errors: FormErrors } {
	const result = v.safeParse(practiceForm, values);
	if (!result.success) {
		const errors: FormErrors = {};
		for (const issue of result.issues) {
			const field = issue.path?.[0]?.key;
			errors[typeof field === 'string' ? field : '_form'] ??= issue.message;
		}
		return { ok: false, errors };
	}
	const keyFactors = result.output.keyFactors.flatMap((k) => {
		const [benchmark, slug] = k.split('/');
		return benchmark && slug ? [{ benchmark, slug }] : [];
	});
	return { ok: true, data: { ...result.output, keyFactors } };
}

export const reviewForm = v.object({
	decision: v.picklist(['publish', 'return', 'reject'], 'error_practice_decision_required'),
	comment: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.maxLength(limits.other, 'error_practice_text_too_long')
	)
});
