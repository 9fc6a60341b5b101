import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import { typeForm } from '#lib/server/surveys/builder-forms.ts';
import { localized } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

const ref = (p: { slug: string; number: string }) => ({ slug: p.slug, number: Number(p.number) });

export const load: PageServerLoad = async (event) => {
	const { survey, version } = await builder.draft(requireUser(event), ref(event.params));
	const section = version.definition.sections.find((s) => s.key === event.params.section);
	if (!section) error(404, 'Not found');
	const locale = getLocale();
	return {
		slug: survey.slug,
		title: localized(survey.title, locale),
		number: version.number,
		section: localized(section.title, locale)
	};
};

export const actions: Actions = {
	default: async (event) => {
		requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(typeForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		redirect(303, `${event.url.pathname}/${checked.data.type}`);
	}
};
