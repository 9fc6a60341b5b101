import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as responses from '#lib/server/surveys/responses.ts';
import * as sections from '#lib/server/surveys/response-sections.ts';
import { textIn } from '#lib/server/surveys/view.ts';
import { formValues } from '#lib/server/validation.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const locale = getLocale();
	const view = await responses.overview(actor, event.params.cityId, event.params.campaignSlug);
	const c = view.campaign;
	return {
		campaign: {
			slug: c.slug,
			edition: c.edition,
			title: textIn(c.surveyTitle, locale),
			message: c.message.en ? textIn(c.message, locale) : null,
			opensOn: c.opensOn,
			closesOn: c.closesOn,
			status: c.responseStatus,
			submittedAt: c.submittedAt,
			reopenRequestedAt: c.reopenRequestedAt
		},
		answering: view.answering,
		canSubmit: view.canSubmit,
		sections: view.sections.map((s) => ({ ...s, title: textIn(s.title, locale) })),
		respondents: view.respondents,
		notice: event.url.searchParams.get('handed')
	};
};

export const actions: Actions = {
	/** The coordinator hands a section to a colleague (a mail tells them), or takes it back. */
	assign: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const section = values.section ?? '';
		const assignee = values.take === 'back' ? null : (values.assignee ?? '');
		if (assignee === '') {
			return fail(400, { values, errors: { [`assignee-${section}`]: 'sr_error_assignee' } });
		}
		const outcome = await sections.assignSection(
			actor,
			event.params.cityId,
			event.params.campaignSlug,
			section,
			assignee,
			event.url.origin
		);
		if (!outcome.ok) {
			return fail(400, { values, errors: { [`assignee-${section}`]: outcome.error } });
		}
		redirect(
			303,
			`/workspace/${event.params.cityId}/surveys/${event.params.campaignSlug}?handed=${assignee ? 'to' : 'back'}#section-${section}`
		);
	}
};
