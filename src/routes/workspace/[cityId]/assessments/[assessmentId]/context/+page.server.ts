import { error, fail, redirect } from '@sveltejs/kit';
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

type Saved =
	| { kind: 'invalid'; values: Record<string, string>; errors: Record<string, string> }
	| { kind: 'refused'; values: Record<string, string>; error: string }
	| { kind: 'saved'; values: Record<string, string> };

/** Reads the form and saves the notes that changed. */
async function save(event: RequestEvent): Promise<Saved> {
	const { actor, view } = await assessmentOf(event);
	const values = formValues(await event.request.formData());
	const checked = validate(contextForm(view.contextNotes.map((c) => c.id)), values);
	if (!checked.ok) return { kind: 'invalid', values: checked.values, errors: checked.errors };
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
			const error =
				outcome.reason === 'submitted' ? 'error_assessment_submitted' : 'error_question_unknown';
			return { kind: 'refused', values, error };
		}
	}
	return { kind: 'saved', values };
}

export const actions: Actions = {
	save: async (event) => {
		const { view } = await assessmentOf(event);
		const outcome = await save(event);
		if (outcome.kind === 'invalid') return invalid(outcome.values, outcome.errors);
		if (outcome.kind === 'refused') return invalid(outcome.values, { _form: outcome.error }, 409);
		const base = `/workspace/${view.cityId}/assessments/${view.id}`;
		redirect(303, outcome.values.then === 'list' || !view.canManage ? base : `${base}/check`);
	},

	/** The page's script saves in the background as the person goes (see #lib/autosave.ts). */
	autosave: async (event) => {
		const outcome = await save(event);
		if (outcome.kind === 'saved') return { autosave: 'saved' as const };
		const error = outcome.kind === 'invalid' ? Object.values(outcome.errors)[0] : outcome.error;
		return fail(outcome.kind === 'invalid' ? 400 : 409, { autosave: 'invalid' as const, error });
	}
};
