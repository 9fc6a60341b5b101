import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { factForm, inFormOrder } from '#lib/server/cities/forms.ts';
import { requireAccess } from '#lib/server/access/index.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { requireUser, invalid } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const cityId = event.params.cityId;
	await cities.workspace(actor, cityId);
	requireAccess(actor, 'city.facts.update', { cityId });
	const facts = await cities.facts(actor, cityId);
	return {
		facts,
		recorded: event.url.searchParams.has('recorded'),
		thisYear: new Date().getFullYear()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const cityId = event.params.cityId;
		const values = formValues(await event.request.formData());
		const checked = validate(factForm, values);
		if (!checked.ok) return invalid(checked.values, inFormOrder(checked.errors));
		await cities.recordFact(actor, cityId, checked.data);
		redirect(303, `/workspace/${cityId}/facts?recorded=${checked.data.figure}`);
	}
};
