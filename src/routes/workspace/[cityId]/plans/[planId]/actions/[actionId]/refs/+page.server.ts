import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { formLists, refsForm } from '#lib/server/mentoring/plan-forms.ts';
import { requireUser } from '#lib/server/http.ts';
import * as v from 'valibot';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, planId, actionId } = event.params;
	const { catalogue } = await plans.formOptions(actor, cityId, planId);
	const { plan, action } = await plans.getAction(actor, cityId, planId, actionId);
	return { plan, action, catalogue };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { cityId, planId, actionId } = event.params;
		const values = formLists(await event.request.formData(), ['keyFactors', 'questions']);
		const parsed = v.safeParse(refsForm, values);
		if (!parsed.success) return fail(400, { errors: { _form: 'error_generic' } });
		const outcome = await plans.setRefs(actor, cityId, planId, actionId, parsed.output);
		// Someone saved the action meanwhile: the page comes back with what is there now.
		if (!outcome.ok) return fail(409, { errors: { _form: 'error_action_refs_conflict' } });
		redirect(303, `/workspace/${cityId}/plans/${planId}/actions/${actionId}?saved`);
	}
};
