import { fail, redirect } from '@sveltejs/kit';
import { localized } from '#lib/server/surveys/definition.ts';
import type { Actions, PageServerLoad } from './$types';
import * as submission from '#lib/server/surveys/response-submission.ts';
import { formValuesOf } from '#lib/server/surveys/answers.ts';
import { questionView, textIn } from '#lib/server/surveys/view.ts';
import { formValues } from '#lib/server/validation.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const locale = getLocale();
	const checked = await submission.check(
		actor,
		event.params.cityId,
		event.params.campaignSlug,
		locale
	);
	const c = checked.campaign;
	const ctx = { commitments: checked.commitments.map((x) => x.slug) };
	return {
		campaign: {
			slug: c.slug,
			edition: c.edition,
			title: textIn(c.surveyTitle, locale),
			closesOn: c.closesOn,
			submittedAt: c.submittedAt,
			reopenRequestedAt: c.reopenRequestedAt,
			reopenReason: c.reopenReason
		},
		answering: checked.answering,
		canSubmit: checked.canSubmit,
		sections: checked.sections.map((s) => ({
			key: s.key,
			title: textIn(s.title, locale),
			questions: s.questions.map((q) => ({
				view: questionView(q.question, c.definition, locale, checked.commitments),
				values: formValuesOf(q.question, q.rows, ctx),
				missing: q.missing
			}))
		})),
		missingCount: checked.missing.length
	};
};

/** A question's label cut to what an error summary line can hold. */
const shortLabel = (label: string) => (label.length > 90 ? `${label.slice(0, 89)}…` : label);

export const actions: Actions = {
	submit: async (event) => {
		const actor = requireUser(event);
		const { cityId, campaignSlug } = event.params;
		const outcome = await submission.submit(actor, cityId, campaignSlug, getLocale());
		if (outcome.ok) redirect(303, `/workspace/${cityId}/surveys/${campaignSlug}/submitted`);
		if (outcome.reason === 'missing') {
			// Each question left unanswered, linked to where it is answered.
			return fail(400, {
				submit: 'missing' as const,
				errors: Object.fromEntries(
					// Named in the summary: ten "Answer this question." would not say which.
					outcome.missing.map((x) => [
						`check-${x.question.key}`,
						`sr_error_missing_named|${JSON.stringify({ question: shortLabel(localized(x.question.label, getLocale())), problem: `@${x.problem}` })}`
					])
				)
			});
		}
		if (outcome.reason === 'closed') {
			return fail(409, {
				submit: 'closed' as const,
				closesOn: outcome.closesOn,
				errors: { _form: 'sr_error_closed_saved' }
			});
		}
		return fail(409, {
			submit: outcome.reason,
			errors: {
				_form: outcome.reason === 'submitted' ? 'sr_error_already_submitted' : 'sr_error_not_open'
			}
		});
	},

	/** After submitting, the coordinator asks the network to reopen the response. */
	reopen: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const outcome = await submission.requestReopen(
			actor,
			event.params.cityId,
			event.params.campaignSlug,
			values.reason ?? ''
		);
		if (!outcome.ok) return fail(400, { values, errors: { reason: outcome.error } });
		redirect(
			303,
			`/workspace/${event.params.cityId}/surveys/${event.params.campaignSlug}/check?reopen=asked`
		);
	}
};
