import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import * as translations from '#lib/server/surveys/builder-translations.ts';
import { limits, readTranslations, revisionOf } from '#lib/server/surveys/builder-forms.ts';
import { questionTranslationFields } from '#lib/server/surveys/builder-views.ts';
import { allQuestions, localized } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formValues } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

const ref = (p: { slug: string; number: string }) => ({ slug: p.slug, number: Number(p.number) });

async function question(event: RequestEvent) {
	const found = await builder.draft(requireUser(event), ref(event.params));
	const q = allQuestions(found.version.definition).find((x) => x.key === event.params.key);
	if (!q) error(404, 'Not found');
	return { ...found, q };
}

const maxOf: Record<string, number> = { label: limits.label, help: limits.help, unit: limits.unit };

export const load: PageServerLoad = async (event) => {
	const { survey, version, q } = await question(event);
	const locale = getLocale();
	return {
		slug: survey.slug,
		title: localized(survey.title, locale),
		number: version.number,
		revision: version.revision,
		key: q.key,
		label: localized(q.label, locale),
		fields: questionTranslationFields(q)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { q } = await question(event);
		const values = formValues(await event.request.formData());
		const read = readTranslations(
			values,
			questionTranslationFields(q).map((f) => ({
				name: f.name,
				max: maxOf[f.name] ?? limits.line,
				lines: f.lines
			}))
		);
		if (!read.ok) return invalid(values, read.errors);
		const saved = await translations.translateQuestion(
			actor,
			ref(event.params),
			revisionOf(values),
			q.key,
			read.texts
		);
		if (!saved.ok) return invalid(values, saved.errors, saved.conflict ? 409 : 400);
		redirect(303, `/admin/surveys/${event.params.slug}/versions/${event.params.number}#q-${q.key}`);
	}
};
