import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { actionForm } from '#lib/server/mentoring/plan-forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { plan, owners } = await plans.formOptions(actor, event.params.cityId, event.params.planId);
	return { plan, owners };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { cityId, planId } = event.params;
		const values = formValues(await event.request.formData());
		const checked = validate(actionForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const { revision: _revision, ...input } = checked.data;
		const outcome = await plans.addAction(actor, cityId, planId, input);
		if (!outcome.ok) return invalid(values, outcome.errors);
		redirect(303, `/workspace/${cityId}/plans/${planId}/actions/${outcome.id}?added`);
	}
};
