import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { inviteForm } from '#lib/server/cities/forms.ts';
import { requireAccess } from '#lib/server/access/index.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { requireUser, invalid } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const cityId = event.params.cityId;
	await cities.workspace(actor, cityId);
	requireAccess(actor, 'city.members.invite', { cityId });
	return { roles: cities.rolesGrantable(actor, cityId) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const cityId = event.params.cityId;
		const values = formValues(await event.request.formData());
		const checked = validate(inviteForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const outcome = await cities.invite(actor, cityId, checked.data, event.url.origin);
		if (!outcome.ok) return invalid(values, { [outcome.field]: outcome.error });
		redirect(303, `/workspace/${cityId}/members?invited=${encodeURIComponent(checked.data.email)}`);
	}
};
