import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

/** The assessment, only under its own city's address (another city's reads as not found). */
async function assessmentOf(event: RequestEvent) {
	const actor = requireUser(event);
	const view = await assessments.get(actor, event.params.assessmentId);
	if (view.cityId !== event.params.cityId) error(404, 'Not found');
	return { actor, view };
}

const visibilityForm = v.object({
	visibility: v.picklist(['private', 'network', 'public'], 'assessment_error_visibility_required')
});

export const load: PageServerLoad = async (event) => {
	const { view } = await assessmentOf(event);
	const notice = event.url.searchParams.get('done');
	return {
		assessment: {
			id: view.id,
			cycle: view.cycle,
			status: view.status,
			visibility: view.visibility,
			submittedAt: view.submittedAt,
			updatedAt: view.updatedAt,
			canAnswer: view.canAnswer,
			canManage: view.canManage
		},
		benchmark: {
			slug: view.benchmark.slug,
			title: view.benchmark.title,
			version: view.benchmark.version,
			language: view.benchmark.language
		},
		keyFactors: view.keyFactors.map((k) => ({
			number: k.number,
			slug: k.slug,
			title: k.title,
			status: k.status
		})),
		contextStatus: view.contextStatus,
		notice:
			notice === 'submitted' || notice === 'reopened' || notice === 'visibility' ? notice : null
	};
};

export const actions: Actions = {
	visibility: async (event) => {
		const { actor, view } = await assessmentOf(event);
		if (!view.canManage) error(404, 'Not found');
		const values = formValues(await event.request.formData());
		const checked = validate(visibilityForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const outcome = await assessments.setVisibility(actor, view.id, checked.data.visibility);
		if (!outcome.ok) {
			return invalid(values, { visibility: 'assessment_error_publish_not_submitted' });
		}
		redirect(303, `${event.url.pathname}?done=visibility`);
	},
	reopen: async (event) => {
		const { actor, view } = await assessmentOf(event);
		if (!view.canManage) error(404, 'Not found');
		if (view.status === 'submitted') {
			const outcome = await assessments.reopen(actor, view.id);
			if (!outcome.ok) return invalid({}, { _form: 'assessment_error_another_open' }, 409);
		}
		redirect(303, `${event.url.pathname}?done=reopened`);
	}
};
