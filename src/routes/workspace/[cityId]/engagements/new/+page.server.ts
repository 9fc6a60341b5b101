import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as mentoring from '#lib/server/mentoring/service.ts';
import { outsideChoices, proposeForm } from '#lib/server/mentoring/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { choices: await mentoring.proposeChoices(actor, event.params.cityId) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { cityId } = event.params;
		const choices = await mentoring.proposeChoices(actor, cityId);
		const values = formValues(await event.request.formData());
		const checked = validate(proposeForm, values);
		if (!checked.ok) return invalid(values, checked.errors);
		const wrong = outsideChoices(checked.data, choices);
		if (Object.keys(wrong).length > 0) return invalid(values, wrong);
		const e = await mentoring.propose(actor, cityId, checked.data);
		redirect(303, `/workspace/${cityId}/engagements/${e.id}?proposed=1`);
	}
};
