import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as auth from '#lib/server/auth/service.ts';
import { authErrorKey, resetPasswordForm } from '#lib/server/auth/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { requestContext, invalid } from '#lib/server/http.ts';

export const load: PageServerLoad = ({ url }) => ({
	token: url.searchParams.get('token')?.slice(0, 500) ?? ''
});

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const checked = validate(resetPasswordForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const result = await auth.resetPassword(requestContext(event), {
			token: checked.data.token,
			newPassword: checked.data.password
		});
		if (!result.ok) {
			const key = authErrorKey(result.code);
			return invalid(
				{ token: values.token ?? '' },
				{ [key.startsWith('error_password') ? 'password' : '_form']: key }
			);
		}
		redirect(303, '/sign-in?reset');
	}
};
