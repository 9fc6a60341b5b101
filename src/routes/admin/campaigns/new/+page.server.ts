import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as campaigns from '#lib/server/surveys/campaigns.ts';
import * as drafts from '#lib/server/surveys/campaign-drafts.ts';
import { surveyForm } from '#lib/server/surveys/campaign-forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { surveys: await campaigns.surveyChoices(actor) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(surveyForm, values);
		if (!checked.ok) return invalid(values, checked.errors);
		const done = await drafts.createDraft(actor, checked.data);
		if (!done.ok) return invalid(values, done.errors);
		redirect(303, `/admin/campaigns/${done.slug}`);
	}
};
