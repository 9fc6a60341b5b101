import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';
import * as publishing from '#lib/server/surveys/results-publication.ts';
import { publishForm } from '#lib/server/surveys/results-forms.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return {
		publication: await publishing.publication(actor, event.params.slug, getLocale()),
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const form = await event.request.formData();
		const values = {
			intent: String(form.get('intent') ?? ''),
			questions: form.getAll('questions').map(String)
		};
		const checked = v.safeParse(publishForm, values);
		if (!checked.success) {
			const issue = checked.issues[0];
			const field = issue.path?.[0]?.key === 'intent' ? 'intent' : 'questions';
			return fail(400, { errors: { [field]: issue.message }, questions: values.questions });
		}
		const { intent, questions } = checked.output;
		await publishing.setPublished(actor, event.params.slug, {
			publish: intent === 'publish',
			questions
		});
		redirect(303, `/admin/campaigns/${event.params.slug}/publish?done=${intent}`);
	}
};
