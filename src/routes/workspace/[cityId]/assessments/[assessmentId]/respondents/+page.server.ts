import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import * as respondents from '#lib/server/assessments/respondents.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

/** The assessment under its own city's address, for its coordinator only; else 404. */
async function assessmentOf(event: RequestEvent) {
	const actor = requireUser(event);
	const view = await assessments.get(actor, event.params.assessmentId);
	if (view.cityId !== event.params.cityId || !view.canManage) error(404, 'Not found');
	return { actor, view };
}

export const load: PageServerLoad = async (event) => {
	const { actor, view } = await assessmentOf(event);
	const [list, groups] = await Promise.all([
		respondents.listRespondents(actor, view.id),
		respondents.groupViews(actor, view.id)
	]);
	const invited = event.url.searchParams.get('invited');
	return {
		assessment: { id: view.id, cycle: view.cycle, status: view.status },
		benchmark: { title: view.benchmark.title, language: view.benchmark.language },
		questions: list.questions,
		respondents: list.respondents.map((r) => ({
			id: r.id,
			name: r.name,
			email: r.email,
			group: r.group,
			answered: r.answered,
			lastAnsweredAt: r.lastAnsweredAt
		})),
		// Only the questions someone answered; the groups' views never name anyone.
		keyFactors: groups
			.map((k) => ({
				...k,
				questions: k.questions.filter((q) => q.groups.some((g) => g.count > 0))
			}))
			.filter((k) => k.questions.length > 0),
		invited: invited && invited.length <= 254 ? invited : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, view } = await assessmentOf(event);
		const values = formValues(await event.request.formData());
		const checked = validate(respondents.respondentForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const outcome = await respondents.inviteRespondent(
			actor,
			view.id,
			checked.data,
			event.url.origin
		);
		if (!outcome.ok) {
			return invalid(
				values,
				{ [outcome.field]: outcome.error },
				outcome.field === '_form' ? 409 : 400
			);
		}
		redirect(303, `${event.url.pathname}?invited=${encodeURIComponent(checked.data.email)}`);
	}
};
