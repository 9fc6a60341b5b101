import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import * as draftOutline from '#lib/server/surveys/builder-outline.ts';
import { revisionOf } from '#lib/server/surveys/builder-forms.ts';
import { valueLabels } from '#lib/server/surveys/builder-views.ts';
import { allQuestions, localized } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formValues } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

const ref = (p: { slug: string; number: string }) => ({ slug: p.slug, number: Number(p.number) });

export const load: PageServerLoad = async (event) => {
	const { survey, version } = await builder.draft(requireUser(event), ref(event.params));
	const q = allQuestions(version.definition).find((x) => x.key === event.params.key);
	if (!q) error(404, 'Not found');
	const locale = getLocale();
	const candidates = draftOutline.conditionCandidates(version.definition, q.key).map((c) => ({
		key: c.key,
		label: localized(c.label, locale),
		values: valueLabels(c, locale)
	}));
	const asked = event.url.searchParams.get('question');
	const chosen = event.url.searchParams.has('change') ? null : (asked ?? q.showIf?.question);
	return {
		slug: survey.slug,
		title: localized(survey.title, locale),
		number: version.number,
		revision: version.revision,
		key: q.key,
		label: localized(q.label, locale),
		candidates,
		current: q.showIf ?? null,
		chosen: candidates.find((c) => c.key === chosen) ?? null,
		/** "Continue" sent without a question chosen. */
		missing: asked === ''
	};
};

const back = (p: { slug: string; number: string; key: string }) =>
	`/admin/surveys/${p.slug}/versions/${p.number}#q-${p.key}`;

export const actions: Actions = {
	save: async (event) => {
		const actor = requireUser(event);
		const formData = await event.request.formData();
		const values = formValues(formData);
		const chosen = formData.getAll('values').map(String);
		values.values = chosen.join(',');
		if (!chosen.length) return invalid(values, { values: 'sb_error_show_if_values_required' });
		const saved = await draftOutline.setShowIf(
			actor,
			ref(event.params),
			revisionOf(values),
			event.params.key,
			{ question: values.question ?? '', values: chosen }
		);
		if (!saved.ok) {
			// The question is chosen on the step before; its problem shows at the answers.
			const { question, ...errors } = saved.errors;
			if (question) errors.values = question;
			return invalid(values, errors, saved.conflict ? 409 : 400);
		}
		redirect(303, back(event.params));
	},
	remove: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const saved = await draftOutline.setShowIf(
			actor,
			ref(event.params),
			revisionOf(values),
			event.params.key,
			null
		);
		if (!saved.ok) return invalid(values, saved.errors, saved.conflict ? 409 : 400);
		redirect(303, back(event.params));
	}
};
