import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import * as respondents from '#lib/server/assessments/respondents.ts';
import * as groups from '#lib/server/assessments/group-views.ts';
import { formValues, isUuid, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

/** The assessment under its own city's address, for its coordinator only; else 404. */
async function assessmentOf(event: RequestEvent) {
	const actor = requireUser(event);
	const view = await assessments.get(actor, event.params.assessmentId);
	if (view.cityId !== event.params.cityId || !view.canManage) error(404, 'Not found');
	return { actor, view };
}

/** The respondent a row's small form is about; anything else is not found. */
async function respondentIdOf(event: RequestEvent) {
	const id = (await event.request.formData()).get('respondentId');
	if (typeof id !== 'string' || !isUuid(id)) error(404, 'Not found');
	return id;
}

/** Back to the page with a notice about one respondent (named by id, never by address). */
function noticeOf(url: URL) {
	for (const kind of ['revoked', 'resent'] as const) {
		const id = url.searchParams.get(kind);
		if (id && isUuid(id)) return { kind, id };
	}
	return null;
}

export const load: PageServerLoad = async (event) => {
	const { actor, view } = await assessmentOf(event);
	const [list, views] = await Promise.all([
		respondents.listRespondents(actor, view.id),
		groups.groupViews(actor, view.id)
	]);
	const invited = event.url.searchParams.get('invited');
	const notice = noticeOf(event.url);
	const about = notice && list.respondents.find((r) => r.id === notice.id);
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
			lastAnsweredAt: r.lastAnsweredAt,
			status: r.status
		})),
		// Only the questions someone answered; the groups' views never name anyone.
		keyFactors: views
			.map((k) => ({
				...k,
				questions: k.questions.filter((q) => q.groups.some((g) => g.count > 0))
			}))
			.filter((k) => k.questions.length > 0),
		invited: invited && invited.length <= 254 ? invited : null,
		notice: notice && about ? { kind: notice.kind, name: about.name, email: about.email } : null
	};
};

export const actions: Actions = {
	invite: async (event) => {
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
	},
	revoke: async (event) => {
		const { actor, view } = await assessmentOf(event);
		const id = await respondentIdOf(event);
		await respondents.revokeRespondent(actor, view.id, id);
		redirect(303, `${event.url.pathname}?revoked=${id}`);
	},
	resend: async (event) => {
		const { actor, view } = await assessmentOf(event);
		const id = await respondentIdOf(event);
		const outcome = await respondents.resendInvitation(actor, view.id, id, event.url.origin);
		if (!outcome.ok) {
			const status = outcome.error === 'respondent_error_resend_limit' ? 429 : 409;
			return invalid({}, { _form: outcome.error }, status);
		}
		redirect(303, `${event.url.pathname}?resent=${id}`);
	}
};
