import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import * as answers from '#lib/server/assessments/answers.ts';
import { contextLimits } from '#lib/server/assessments/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

const MAX_WHY = 2000;

async function assessmentOf(event: RequestEvent) {
	const actor = requireUser(event);
	const view = await assessments.get(actor, event.params.assessmentId);
	if (view.cityId !== event.params.cityId) error(404, 'Not found');
	return { actor, view };
}

type Limit = (typeof contextLimits)[number];

/** One "how much does it limit us" and one "why" per context factor of the benchmark. */
function contextForm(ids: string[]) {
	const entries: Record<string, v.GenericSchema<unknown, string>> = {};
	for (const id of ids) {
		entries[`limit-${id}`] = v.optional(
			v.picklist(['', ...contextLimits], 'assessment_error_limit_invalid'),
			''
		);
		entries[`why-${id}`] = v.pipe(
			v.optional(v.string(), ''),
			v.transform((s) => s.replace(/\r\n?/g, '\n')),
			v.trim(),
			v.maxLength(MAX_WHY, 'assessment_error_why_too_long')
		);
	}
	return v.object(entries);
}

export const load: PageServerLoad = async (event) => {
	const { view } = await assessmentOf(event);
	return {
		assessment: {
			id: view.id,
			cycle: view.cycle,
			status: view.status,
			canAnswer: view.canAnswer,
			canManage: view.canManage
		},
		benchmark: {
			title: view.benchmark.title,
			language: view.benchmark.language,
			contextFactorsIntro: view.benchmark.contextFactorsIntro
		},
		factors: view.contextNotes.map((c) => ({
			id: c.id,
			title: c.title,
			mayInvolve: c.mayInvolve,
			limit: c.limit,
			why: c.why
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, view } = await assessmentOf(event);
		const values = formValues(await event.request.formData());
		const checked = validate(contextForm(view.contextNotes.map((c) => c.id)), values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const data = checked.data as Record<string, string>;
		const notes = view.contextNotes
			.map((c) => ({
				contextFactorId: c.id,
				limit: (data[`limit-${c.id}`] || null) as Limit | null,
				why: data[`why-${c.id}`] ?? '',
				before: c
			}))
			.filter((n) => n.limit !== n.before.limit || n.why !== n.before.why)
			.map(({ before: _, ...note }) => note);
		if (notes.length > 0) {
			const outcome = await answers.saveContextNotes(actor, view.id, notes);
			if (!outcome.ok) {
				return invalid(
					values,
					{
						_form:
							outcome.reason === 'submitted'
								? 'error_assessment_submitted'
								: 'error_question_unknown'
					},
					409
				);
			}
		}
		const base = `/workspace/${view.cityId}/assessments/${view.id}`;
		redirect(303, values.then === 'list' || !view.canManage ? base : `${base}/check`);
	}
};
