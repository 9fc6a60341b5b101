import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import * as translations from '#lib/server/surveys/builder-translations.ts';
import { limits, readTranslations, revisionOf } from '#lib/server/surveys/builder-forms.ts';
import { textTranslationFields } from '#lib/server/surveys/builder-views.ts';
import { localized } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formValues } from '#lib/server/validation.ts';
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
		revision: version.revision,
		section: localized(section.title, locale),
		fields: textTranslationFields([
			{ name: 'title', text: section.title },
			{ name: 'intro', text: section.intro, multiline: true }
		])
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const read = readTranslations(values, [
			{ name: 'title', max: limits.title },
			{ name: 'intro', max: limits.help }
		]);
		if (!read.ok) return invalid(values, read.errors);
		const saved = await translations.translateSection(
			actor,
			ref(event.params),
			revisionOf(values),
			event.params.section,
			read.texts
		);
		if (!saved.ok) return invalid(values, saved.errors, saved.conflict ? 409 : 400);
		redirect(
			303,
			`/admin/surveys/${event.params.slug}/versions/${event.params.number}#s-${event.params.section}`
		);
	}
};
