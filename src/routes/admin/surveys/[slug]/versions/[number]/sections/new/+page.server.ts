import { redirect } from '@sveltejs/kit';
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
	return {
		slug: survey.slug,
		title: localized(survey.title, getLocale()),
		number: version.number,
		revision: version.revision
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(sectionForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const saved = await draftOutline.saveSection(
			actor,
			ref(event.params),
			revisionOf(values),
			null,
			checked.data
		);
		if (!saved.ok) return invalid(values, saved.errors, saved.conflict ? 409 : 400);
		redirect(
			303,
			`/admin/surveys/${event.params.slug}/versions/${event.params.number}#s-${saved.key}`
		);
	}
};
