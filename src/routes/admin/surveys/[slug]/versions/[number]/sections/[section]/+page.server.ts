import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import * as draftOutline from '#lib/server/surveys/builder-outline.ts';
import { revisionOf, sectionForm } from '#lib/server/surveys/builder-forms.ts';
import { localized } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

const ref = (p: { slug: string; number: string }) => ({ slug: p.slug, number: Number(p.number) });

export const load: PageServerLoad = async (event) => {
	const { survey, version } = await builder.draft(requireUser(event), ref(event.params));
	const section = version.definition.sections.find((s) => s.key === event.params.section);
	if (!section) error(404, 'Not found');
	return {
		slug: survey.slug,
		title: localized(survey.title, getLocale()),
		number: version.number,
		revision: version.revision,
		key: section.key,
		questions: section.questions.length,
		values: { title: section.title.en, intro: section.intro?.en ?? '' }
	};
};

const back = (p: { slug: string; number: string }, anchor = '') =>
	`/admin/surveys/${p.slug}/versions/${p.number}${anchor}`;

export const actions: Actions = {
	save: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(sectionForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const saved = await draftOutline.saveSection(
			actor,
			ref(event.params),
			revisionOf(values),
			event.params.section,
			checked.data
		);
		if (!saved.ok) return invalid(values, saved.errors, saved.conflict ? 409 : 400);
		redirect(303, back(event.params, `#s-${saved.key}`));
	},
	delete: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const done = await draftOutline.deleteSection(
			actor,
			ref(event.params),
			revisionOf(values),
			event.params.section
		);
		if (!done.ok) return invalid(values, done.errors, done.conflict ? 409 : 400);
		redirect(303, back(event.params));
	}
};
