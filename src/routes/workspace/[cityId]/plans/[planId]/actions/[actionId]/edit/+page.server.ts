import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { actionForm } from '#lib/server/mentoring/plan-forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, planId, actionId } = event.params;
	const { owners } = await plans.formOptions(actor, cityId, planId);
	const { plan, action } = await plans.getAction(actor, cityId, planId, actionId);
	return { plan, action, owners };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { cityId, planId, actionId } = event.params;
		const values = formValues(await event.request.formData());
		const checked = validate(actionForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const outcome = await plans.updateAction(actor, cityId, planId, actionId, checked.data);
		if (outcome.ok) {
			redirect(303, `/workspace/${cityId}/plans/${planId}/actions/${actionId}?saved`);
		}
		if ('errors' in outcome) return invalid(values, outcome.errors);
		// Someone saved meanwhile: both versions stay on the page; saving again keeps this one.
		return invalid(
			{ ...values, revision: String(outcome.conflict.revision) },
			{ _form: 'error_action_conflict' },
			409
		);
	}
};
