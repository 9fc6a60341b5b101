import * as v from 'valibot';
import { cityRoles } from '../access/index.ts';
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
