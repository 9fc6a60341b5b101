import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { reportOfCity } from '#lib/server/assessments/http.ts';
import * as groupViews from '#lib/server/assessments/group-views.ts';
import { positionForReport } from '#lib/server/assessments/distributions.ts';
import * as plans from '#lib/server/mentoring/plans.ts';
import { fromReportForm } from '#lib/server/mentoring/plan-forms.ts';
import { can } from '#lib/server/access/index.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { requireUser } from '#lib/server/http.ts';
import { m } from '#lib/paraglide/messages.js';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, assessmentId } = event.params;
	const report = await reportOfCity(actor, cityId, assessmentId);
	// The groups' views are the city's own (network admins of a shared report do not see them).
	const [differences, position, planChoices] = await Promise.all([
		can(actor, 'assessment.read', { cityId })
			? groupViews.groupDifferences(actor, assessmentId)
			: Promise.resolve(null),
		positionForReport(actor, assessmentId),
		plans.reportPlanChoices(actor, cityId)
	]);
	// Those who may add to the city's plans get an "add to action plan" button per line.
	return { report, differences, position, addToPlan: planChoices.may ? planChoices : null };
};

export const actions: Actions = {
	/** One "what more to do" line becomes an action of the city's plan, in one step. */
	addToPlan: async (event) => {
		const actor = requireUser(event);
		const { cityId, assessmentId } = event.params;
		const checked = validate(fromReportForm, formValues(await event.request.formData()));
		if (!checked.ok) error(400, 'Bad request');
		const made = await plans.addFromReport(actor, cityId, assessmentId, {
			...checked.data,
			newPlanTitle: m.plan_default_title()
		});
		redirect(303, `/workspace/${cityId}/plans/${made.planId}/actions/${made.actionId}?from-report`);
	}
};
