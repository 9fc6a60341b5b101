import * as v from 'valibot';
import { fields } from '../validation.ts';

export const signInForm = v.object({ email: fields.email, password: fields.password });
export const signUpForm = v.object({
	name: fields.name,
	email: fields.email,
	password: fields.newPassword
});
export const forgotPasswordForm = v.object({ email: fields.email });
export const resetPasswordForm = v.pipe(
	v.object({
		token: v.pipe(v.string('error_reset_link_invalid'), v.nonEmpty('error_reset_link_invalid')),
		password: fields.newPassword,
		confirm: v.string('error_password_confirm')
	}),
	v.forward(
		v.check((input) => input.password === input.confirm, 'error_password_confirm'),
		['confirm']
	)
);

/** better-auth's failure codes, as message keys a person can act on. */
export function authErrorKey(code: string): string {
	switch (code) {
		case 'RATE_LIMITED':
			return 'error_rate_limited';
		case 'INVALID_EMAIL_OR_PASSWORD':
			return 'error_sign_in_failed';
		case 'USER_ALREADY_EXISTS':
		case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
			return 'error_email_taken';
		case 'PASSWORD_TOO_SHORT':
			return 'error_password_too_short';
		case 'PASSWORD_TOO_LONG':
			return 'error_password_too_long';
		case 'INVALID_TOKEN':
		case 'TOKEN_EXPIRED':
			return 'error_reset_link_invalid';
		default:
			return 'error_generic';
	}
}
