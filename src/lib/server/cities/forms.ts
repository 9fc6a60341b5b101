import * as v from 'valibot';
import { cityRoles } from '../access/index.ts';
import { cityFigures } from './schema.ts';
import { fields } from '../validation.ts';

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** A two-letter code that names a real country or territory ("PO" does not). */
export function isCountryCode(code: string): boolean {
	return /^[A-Z]{2}$/.test(code) && regions.of(code) !== code;
}

export const inviteForm = v.object({
	name: fields.personName('error_invitee_name_required'),
	email: fields.email,
	// No radio ticked sends no field at all: that too is "choose a role".
	role: v.pipe(v.optional(v.string(), ''), v.picklist(cityRoles, 'error_role_required')),
	organisation: fields.optionalText(200)
});
export type InviteInput = v.InferOutput<typeof inviteForm>;

export const acceptInvitationForm = v.object({
	name: fields.name,
	password: fields.newPassword
});

const countryCode = v.pipe(
	v.string('error_country_required'),
	v.trim(),
	v.toUpperCase(),
	v.regex(/^[A-Z]{2}$/, 'error_country_invalid'),
	v.check(isCountryCode, 'error_country_invalid')
);

const optionalNumber = (min: number, max: number) =>
	v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.transform((s) => (s === '' ? null : Number(s.replace(/[\s,]/g, '')))),
		v.nullable(
			v.pipe(
				v.number('error_number_invalid'),
				v.check((n) => Number.isFinite(n), 'error_number_invalid'),
				v.minValue(min, 'error_number_out_of_range'),
				v.maxValue(max, 'error_number_out_of_range')
			)
		)
	);

export const cityForm = v.object({
	name: fields.personName('error_city_name_required'),
	country: countryCode,
	population: optionalNumber(0, 100_000_000),
	latitude: optionalNumber(-90, 90),
	longitude: optionalNumber(-180, 180)
});
export type CityInput = v.InferOutput<typeof cityForm>;

/**
 * A number as people type it: spaces, apostrophes and thousands separators ("347,678",
 * "1.234.567") are allowed, and a decimal comma ("23,5"). The normal form ("347678", "23.5")
 * or null when it is not a plain non-negative number.
 */
export function normaliseNumber(typed: string): string | null {
	let s = typed.replace(/[\s\u00a0\u202f']/g, '');
	if (/^\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, '');
	else if (/^\d{1,3}(\.\d{3}){2,}$/.test(s)) s = s.replace(/\./g, '');
	else s = s.replace(',', '.');
	return /^\d+(\.\d+)?$/.test(s) ? s : null;
}

export const FACT_LIMITS = {
	population: { min: 1, max: 100_000_000 },
	share: { min: 0, max: 100 }
};
export const FACT_FIRST_YEAR = 1900;

function validPopulation(s: string): boolean {
	const n = Number(s);
	return Number.isInteger(n) && n >= FACT_LIMITS.population.min && n <= FACT_LIMITS.population.max;
}

function validShare(s: string): boolean {
	const n = Number(s);
	return /^\d+(\.\d)?$/.test(s) && n >= FACT_LIMITS.share.min && n <= FACT_LIMITS.share.max;
}

export const factForm = v.pipe(
	v.object({
		figure: v.pipe(
			v.optional(v.string(), ''),
			v.picklist(cityFigures, 'error_fact_figure_required')
		),
		value: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.nonEmpty('error_fact_value_required'),
			v.transform((s) => normaliseNumber(s) ?? ''),
			v.nonEmpty('error_fact_value_invalid')
		),
		year: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.nonEmpty('error_fact_year_required'),
			v.regex(/^\d{4}$/, 'error_fact_year_invalid'),
			v.transform(Number),
			v.check(
				(y) => y >= FACT_FIRST_YEAR && y <= new Date().getFullYear(),
				'error_fact_year_invalid'
			)
		),
		source: v.pipe(
			v.optional(v.string(), ''),
			v.trim(),
			v.nonEmpty('error_fact_source_required'),
			v.maxLength(500, 'error_fact_source_too_long')
		)
	}),
	v.forward(
		v.partialCheck(
			[['figure'], ['value']],
			(i) => i.figure !== 'population' || validPopulation(i.value),
			'error_fact_population_range'
		),
		['value']
	),
	v.forward(
		v.partialCheck(
			[['figure'], ['value']],
			(i) => i.figure === 'population' || validShare(i.value),
			'error_fact_share_range'
		),
		['value']
	),
	v.transform((i) => ({ ...i, value: Number(i.value) }))
);
export type FactInput = v.InferOutput<typeof factForm>;

/** Field errors in the order of the form (checks across fields report after the others). */
export function inFormOrder(errors: Record<string, string>): Record<string, string> {
	const order = ['figure', 'value', 'year', 'source'];
	const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
	return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b)));
}
