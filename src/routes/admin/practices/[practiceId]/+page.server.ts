import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';
import * as practices from '#lib/server/practices/service.ts';
import { reviewForm } from '#lib/server/practices/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { practice, view } = await practices.forReview(actor, event.params.practiceId);
	return { id: practice.id, view };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(reviewForm, values);
		if (!checked.ok) return fail(400, { values, errors: checked.errors });
		const data: v.InferOutput<typeof reviewForm> = checked.data;
		const outcome = await practices.review(
			actor,
			event.params.practiceId,
			data.decision,
			data.comment
		);
		if (!outcome.ok) return fail(400, { values, errors: { [outcome.field]: outcome.error } });
		redirect(303, '/admin/practices?done=1');
	}
};
