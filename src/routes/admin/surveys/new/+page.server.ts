import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import { surveyForm } from '#lib/server/surveys/builder-forms.ts';
import { requireAccess } from '#lib/server/access/index.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = (event) => {
	requireAccess(requireUser(event), 'survey.manage');
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(surveyForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const made = await builder.create(actor, checked.data);
		if (!made.ok) return invalid(values, made.errors);
		redirect(303, `/admin/surveys/${made.slug}/versions/1`);
	}
};
