import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { planForm } from '#lib/server/mentoring/plan-forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId } = event.params;
	return {
		plans: await plans.listOfCity(actor, cityId),
		mayCreate: plans.mayCreate(actor, cityId),
		// Opened from an engagement whose plan the implementing city has not started yet.
		noPlanYet: event.url.searchParams.has('not-started')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { cityId } = event.params;
		const values = formValues(await event.request.formData());
		const checked = validate(planForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const plan = await plans.create(actor, cityId, checked.data);
		redirect(303, `/workspace/${cityId}/plans/${plan.id}`);
	}
};
