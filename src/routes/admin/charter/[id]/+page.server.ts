import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as charter from '#lib/server/charter/service.ts';
import { signatureEditForm } from '#lib/server/charter/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const s = await charter.recorded(requireUser(event), event.params.id);
	return {
		signature: {
			cityName: s.cityName,
			citySlug: s.citySlug,
			values: {
				signedOn: s.signedOn ?? '',
				place: s.place ?? '',
				signedBy: s.signedBy ?? '',
				source: s.source ?? ''
			}
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(signatureEditForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const result = await charter.update(actor, event.params.id, checked.data);
		if (!result.ok) return invalid(values, result.errors);
		const city = (await charter.recorded(actor, event.params.id)).cityName;
		redirect(303, `/admin/charter?done=updated&city=${encodeURIComponent(city)}`);
	}
};
