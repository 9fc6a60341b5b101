import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import * as translations from '#lib/server/surveys/builder-translations.ts';
import { limits, readTranslations } from '#lib/server/surveys/builder-forms.ts';
import { textTranslationFields } from '#lib/server/surveys/builder-views.ts';
import { localized } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formValues } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const { survey } = await builder.overview(requireUser(event), event.params.slug);
	return {
		slug: survey.slug,
		title: localized(survey.title, getLocale()),
		fields: textTranslationFields([
			{ name: 'title', text: survey.title },
			{ name: 'summary', text: survey.summary, multiline: true }
		])
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const read = readTranslations(values, [
			{ name: 'title', max: limits.title },
			{ name: 'summary', max: limits.summary }
		]);
		if (!read.ok) return invalid(values, read.errors);
		await translations.translateSurvey(actor, event.params.slug, read.texts);
		redirect(303, `/admin/surveys/${event.params.slug}`);
	}
};
