import type { Actions } from './$types';
import * as auth from '#lib/server/auth/service.ts';
import { forgotPasswordForm } from '#lib/server/auth/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { requestContext, invalid } from '#lib/server/http.ts';

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const checked = validate(forgotPasswordForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const result = await auth.requestPasswordReset(requestContext(event), checked.data.email);
		if (!result.ok && result.code === 'RATE_LIMITED') {
			return invalid(values, { email: 'error_rate_limited' }, 429);
		}
		// The same answer whether or not the address has an account: it reveals nothing.
		return { sent: true, email: checked.data.email };
	}
};
