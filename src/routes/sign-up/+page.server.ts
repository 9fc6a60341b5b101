import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as auth from '#lib/server/auth/service.ts';
import { authErrorKey, signUpForm } from '#lib/server/auth/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { applyCookies, requestContext, invalid } from '#lib/server/http.ts';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor) redirect(303, '/account');
};

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const checked = validate(signUpForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const result = await auth.signUp(requestContext(event), checked.data);
		if (!result.ok) {
			const key = authErrorKey(result.code);
			const field = key.startsWith('error_password') ? 'password' : 'email';
			return invalid(values, { [field]: key }, result.status === 429 ? 429 : 400);
		}
		applyCookies(event, result.cookies);
		redirect(303, '/account?welcome');
	}
};
