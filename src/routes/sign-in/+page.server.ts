import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as auth from '#lib/server/auth/service.ts';
import { authErrorKey, signInForm } from '#lib/server/auth/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { applyCookies, requestContext, safeNext, invalid } from '#lib/server/http.ts';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next'), '/account'));
	return { next: safeNext(url.searchParams.get('next'), ''), reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const checked = validate(signInForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const result = await auth.signIn(requestContext(event), checked.data);
		if (!result.ok) {
			return invalid(
				values,
				{ email: authErrorKey(result.code) },
				result.status === 429 ? 429 : 400
			);
		}
		applyCookies(event, result.cookies);
		redirect(303, safeNext(values.next, '/account'));
	}
};
