import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import { startForm } from '#lib/server/assessments/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { options: await assessments.startOptions(actor, event.params.cityId) };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const cityId = event.params.cityId;
		const form = await event.request.formData();
		// One "start from our answers" box per benchmark that has a previous cycle; its value
		// names the benchmark, so only the box of the chosen benchmark counts.
		const prefillFor = form.getAll('prefill').filter((x) => typeof x === 'string');
		const values = formValues(form);
		const checked = validate(startForm, values);
		if (!checked.ok)
			return invalid({ ...checked.values, prefill: prefillFor.join('\n') }, checked.errors);
		const outcome = await assessments.start(actor, cityId, {
			benchmark: checked.data.benchmark,
			cycle: checked.data.cycle,
			prefill: prefillFor.includes(checked.data.benchmark)
		});
		if (!outcome.ok) {
			return invalid(
				{ ...values, prefill: prefillFor.join('\n') },
				{
					[outcome.field]: outcome.error
				}
			);
		}
		redirect(303, `/workspace/${cityId}/assessments/${outcome.id}`);
	}
};
