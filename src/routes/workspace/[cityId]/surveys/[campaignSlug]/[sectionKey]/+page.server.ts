import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as sections from '#lib/server/surveys/response-sections.ts';
import { formValuesOf } from '#lib/server/surveys/answers.ts';
import { allQuestions } from '#lib/server/surveys/definition.ts';
import { conditionValues } from '#lib/server/surveys/visibility.ts';
import { sectionView, textIn } from '#lib/server/surveys/view.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

/** Every value of every field, as typed (several choices repeat a name). */
async function typedForm(event: RequestEvent) {
	const form: Record<string, string[]> = {};
	for (const [name, value] of await event.request.formData()) {
		if (typeof value !== 'string') continue;
		(form[name] ??= []).push(value.replace(/\r\n?/g, '\n'));
	}
	return form;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const locale = getLocale();
	const { cityId, campaignSlug, sectionKey } = event.params;
	const f = await sections.sectionForm(actor, cityId, campaignSlug, sectionKey);
	const c = f.campaign;
	const ctx = { commitments: f.commitments.map((x) => x.slug) };
	const values: Record<string, string[]> = {};
	for (const q of f.section.questions)
		Object.assign(values, formValuesOf(q, f.answers[q.key], ctx));
	const questions = allQuestions(c.definition);
	const outside: Record<string, string[]> = {};
	for (const [key, rows] of Object.entries(f.conditionAnswers)) {
		const q = questions.find((x) => x.key === key);
		if (q) outside[key] = conditionValues(q, rows);
	}
	return {
		campaign: {
			slug: c.slug,
			edition: c.edition,
			title: textIn(c.surveyTitle, locale),
			closesOn: c.closesOn,
			submittedAt: c.submittedAt
		},
		answering: f.answering,
		section: sectionView(f.section, c.definition, locale, f.commitments),
		position: { number: f.index + 1, count: c.definition.sections.length },
		completed: f.completed,
		values,
		revisions: f.revisions,
		visible: f.visible,
		outside,
		notice: event.url.searchParams.has('unknown')
			? ('unknown' as const)
			: event.url.searchParams.has('revealed')
				? ('revealed' as const)
				: null
	};
};

function refused(reason: 'closed' | 'submitted' | 'not_yet_open') {
	return reason === 'submitted'
		? 'sr_error_already_submitted'
		: reason === 'closed'
			? 'sr_error_closed_saved'
			: 'sr_error_not_open';
}

export const actions: Actions = {
	save: async (event) => {
		const actor = requireUser(event);
		const { cityId, campaignSlug, sectionKey } = event.params;
		const form = await typedForm(event);
		const outcome = await sections.saveSection(actor, cityId, campaignSlug, sectionKey, form, {
			complete: form.completed?.[0] === 'yes',
			locale: getLocale()
		});
		if (!outcome.ok) {
			if (outcome.reason !== 'invalid') {
				return fail(409, { typed: form, errors: { _form: refused(outcome.reason) } });
			}
			return fail(400, {
				typed: form,
				errors: outcome.errors,
				revisions: outcome.revisions,
				conflicts: outcome.conflicts,
				unknownQuestion: outcome.unknownQuestion
			});
		}
		const base = `/workspace/${cityId}/surveys/${campaignSlug}`;
		if (outcome.unknownQuestion) redirect(303, `${base}/${sectionKey}?unknown=1`);
		// Answers that show more questions on this page: the person answers them before going on.
		if (outcome.revealed.length)
			redirect(303, `${base}/${sectionKey}?revealed=1#q-${outcome.revealed[0]}`);
		if (form.then?.[0] === 'list') redirect(303, base);
		const f = await sections.sectionForm(actor, cityId, campaignSlug, sectionKey);
		redirect(303, f.next ? `${base}/${f.next}` : `${base}/check`);
	},

	/** The page's script saves as the person goes (see autosave.ts). */
	autosave: async (event) => {
		const actor = requireUser(event);
		const { cityId, campaignSlug, sectionKey } = event.params;
		const form = await typedForm(event);
		const outcome = await sections.saveSection(actor, cityId, campaignSlug, sectionKey, form, {
			complete: form.completed?.[0] === 'yes',
			locale: getLocale()
		});
		if (outcome.ok) return { autosave: 'saved' as const, revisions: outcome.revisions };
		if (outcome.reason !== 'invalid') {
			return fail(409, { autosave: 'invalid' as const, error: refused(outcome.reason) });
		}
		if (outcome.conflicts.length) {
			return fail(409, { autosave: 'conflict' as const, revisions: outcome.revisions });
		}
		// The answers typed are saved; only marking the section completed waits for the others.
		const error = outcome.errors._form ?? Object.values(outcome.errors)[0];
		return fail(400, { autosave: 'invalid' as const, error, revisions: outcome.revisions });
	}
};
