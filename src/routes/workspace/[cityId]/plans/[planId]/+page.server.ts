import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { moveForm } from '#lib/server/mentoring/plan-forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return plans.get(actor, event.params.cityId, event.params.planId);
};

export const actions: Actions = {
	/** Up or down one place; back to the same action in the list (works without script). */
	move: async (event) => {
		const actor = requireUser(event);
		const { cityId, planId } = event.params;
		const checked = validate(moveForm, formValues(await event.request.formData()));
		if (checked.ok) await plans.moveAction(actor, cityId, planId, checked.data);
		const at = checked.ok ? `#action-${checked.data.actionId}` : '';
		redirect(303, `/workspace/${cityId}/plans/${planId}${at}`);
	}
};
