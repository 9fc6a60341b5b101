import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as mentoring from '#lib/server/mentoring/service.ts';
import { declineForm } from '#lib/server/mentoring/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const e = await mentoring.get(actor, {
		id: event.params.engagementId,
		cityId: event.params.cityId
	});
	if (!e.may.respond) error(403, 'You do not have access to this.');
	return { engagement: { id: e.id, title: e.title } };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { cityId, engagementId } = event.params;
		const values = formValues(await event.request.formData());
		const checked = validate(declineForm, values);
		if (!checked.ok) return invalid(values, checked.errors);
		await mentoring.respond(
			actor,
			{ id: engagementId, cityId },
			{ accept: false, reason: checked.data.reason }
		);
		redirect(303, `/workspace/${cityId}/engagements/${engagementId}`);
	}
};
