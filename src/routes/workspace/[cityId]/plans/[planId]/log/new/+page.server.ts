import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as plans from '#lib/server/mentoring/plans.ts';
import { logForm } from '#lib/server/mentoring/plan-forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const log = await plans.planLog(actor, event.params.cityId, event.params.planId);
	if (!log.may.edit) error(403, 'You do not have access to this.');
	return {
		plan: log.plan,
		actions: log.actions,
		chosenAction: event.url.searchParams.get('action') ?? '',
		limits: plans.logFileLimits()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { cityId, planId } = event.params;
		const formData = await event.request.formData();
		const values = formValues(formData);
		const files = formData
			.getAll('files')
			.filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ''));
		const checked = validate(logForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const outcome = await plans.addLogEntry(actor, cityId, planId, checked.data, files);
		if (!outcome.ok) return invalid(values, outcome.errors);
		const base = `/workspace/${cityId}/plans/${planId}`;
		redirect(
			303,
			checked.data.actionId
				? `${base}/actions/${checked.data.actionId}?logged#log`
				: `${base}/log?logged`
		);
	}
};
