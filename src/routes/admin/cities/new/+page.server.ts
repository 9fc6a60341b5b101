import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { cityForm } from '#lib/server/cities/forms.ts';
import { requireAccess } from '#lib/server/access/index.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { requireUser, invalid } from '#lib/server/http.ts';

export const load: PageServerLoad = (event) => {
	requireAccess(requireUser(event), 'city.create');
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(cityForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const city = await cities.create(actor, checked.data);
		redirect(303, `/admin/cities?created=${encodeURIComponent(city.name)}`);
	}
};
