import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as charter from '#lib/server/charter/service.ts';
import { signatureForm } from '#lib/server/charter/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => ({
	cities: await charter.cityChoices(requireUser(event))
});

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(signatureForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const result = await charter.record(actor, checked.data);
		if (!result.ok) return invalid(values, result.errors);
		const city = (await charter.recorded(actor, result.id)).cityName;
		redirect(303, `/admin/charter?done=recorded&city=${encodeURIComponent(city)}`);
	}
};
