import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as practices from '#lib/server/practices/service.ts';
import { checkPractice, practiceValues } from '#lib/server/practices/forms.ts';
import { requireAccess } from '#lib/server/access/index.ts';
import { requireUser } from '#lib/server/http.ts';
import { fail } from '@sveltejs/kit';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	requireAccess(actor, 'practice.draft', { cityId: event.params.cityId });
	return { options: await practices.options(actor) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = practiceValues(await event.request.formData());
		const checked = checkPractice(values);
		if (!checked.ok) return fail(400, { values, errors: checked.errors });
		const p = await practices.create(actor, event.params.cityId, checked.data);
		redirect(303, `/workspace/${event.params.cityId}/practices/${p.id}?saved=1`);
	}
};
