import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { commentForm } from '#lib/server/mentoring/plan-forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, planId, actionId } = event.params;
	const q = event.url.searchParams;
	return {
		...(await plans.getAction(actor, cityId, planId, actionId)),
		notice: q.has('added')
			? ('added' as const)
			: q.has('from-report')
				? ('from-report' as const)
				: q.has('saved')
					? ('saved' as const)
					: q.has('commented')
						? ('commented' as const)
						: q.has('logged')
							? ('logged' as const)
							: null
	};
};

export const actions: Actions = {
	comment: async (event) => {
		const actor = requireUser(event);
		const { cityId, planId, actionId } = event.params;
		const values = formValues(await event.request.formData());
		const checked = validate(commentForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		await plans.addComment(actor, cityId, planId, actionId, checked.data);
		redirect(303, `/workspace/${cityId}/plans/${planId}/actions/${actionId}?commented#comments`);
	}
};
