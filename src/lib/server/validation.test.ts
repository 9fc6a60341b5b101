import { describe, expect, it } from 'vitest';
import { formValues, isUuid, validate } from './validation.ts';
import { cityForm, inviteForm } from './cities/forms.ts';
import { resetPasswordForm, signUpForm } from './auth/forms.ts';

describe('form validation', () => {
	it('gives a message key per field and keeps what was typed', () => {
		const values = {
			name: '',
			email: 'not-an-email',
			role: 'emperor',
			organisation: 'x'.repeat(201)
		};
		const result = validate(inviteForm, values);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual({
			name: 'error_invitee_name_required',
			email: 'error_email_invalid',
			role: 'error_role_required',
			organisation: 'error_text_too_long'
		});
		expect(result.values).toEqual(values);
	});

	it('never sends a password back', () => {
		const result = validate(signUpForm, { name: 'A', email: 'bad', password: 'short' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.values.password).toBe('');
		expect(result.errors.password).toBe('error_password_too_short');
	});

	it('trims and lower-cases a valid email', () => {
		const result = validate(inviteForm, {
			name: '  Ana  ',
			email: ' Ana@Example.ORG ',
			role: 'stakeholder',
			organisation: ''
		});
		expect(result).toEqual({
			ok: true,
			data: { name: 'Ana', email: 'ana@example.org', role: 'stakeholder', organisation: '' }
		});
	});

	it('reads numbers typed with spaces or commas, refuses text and out-of-range values', () => {
		const ok = validate(cityForm, {
			name: 'Gdańsk',
			country: 'pl',
			population: '486 022',
			latitude: '',
			longitude: ''
		});
		expect(ok).toEqual({
			ok: true,
			data: { name: 'Gdańsk', country: 'PL', population: 486022, latitude: null, longitude: null }
		});
		const bad = validate(cityForm, {
			name: 'X',
			country: 'Poland',
			population: 'many',
			latitude: '91',
			longitude: '0'
		});
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(bad.errors).toEqual({
			country: 'error_country_invalid',
			population: 'error_number_invalid',
			latitude: 'error_number_out_of_range'
		});
	});

	it('checks that two passwords match, on the second field', () => {
		const result = validate(resetPasswordForm, {
			token: 't',
			password: 'long enough 1',
			confirm: 'long enough 2'
		});
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.errors).toEqual({ confirm: 'error_password_confirm' });
	});

	it('reads only text fields, first value wins', () => {
		const data = new FormData();
		data.append('a', '1');
		data.append('a', '2');
		data.append('file', new Blob(['x']), 'x.txt');
		expect(formValues(data)).toEqual({ a: '1' });
	});

	it('accepts only real uuids as ids', () => {
		expect(isUuid('0b6c7a1e-7d0f-4c4e-9d7e-2f1a3b4c5d6e')).toBe(true);
		expect(isUuid("1' or '1'='1")).toBe(false);
		expect(isUuid('')).toBe(false);
		expect(isUuid(undefined)).toBe(false);
	});
});
