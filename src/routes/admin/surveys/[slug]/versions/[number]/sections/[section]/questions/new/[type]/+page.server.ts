import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import * as draftOutline from '#lib/server/surveys/builder-outline.ts';
import { readQuestion, revisionOf } from '#lib/server/surveys/builder-forms.ts';
import { localized, questionTypes, type QuestionType } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formValues } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

const ref = (p: { slug: string; number: string }) => ({ slug: p.slug, number: Number(p.number) });

function typeOf(type: string): QuestionType {
	if (!(questionTypes as readonly string[]).includes(type)) error(404, 'Not found');
	return type as QuestionType;
}

export const load: PageServerLoad = async (event) => {
	const type = typeOf(event.params.type);
	const { survey, version, commitments } = await builder.draft(
		requireUser(event),
		ref(event.params)
	);
	const section = version.definition.sections.find((s) => s.key === event.params.section);
	if (!section) error(404, 'Not found');
	const locale = getLocale();
	return {
		slug: survey.slug,
		title: localized(survey.title, locale),
		number: version.number,
		revision: version.revision,
		section: localized(section.title, locale),
		type,
		commitments
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const type = typeOf(event.params.type);
		const formData = await event.request.formData();
		const values = formValues(formData);
		const chosen = formData.getAll('commitments').map(String);
		values.commitments = chosen.join(',');
		const { commitments } = await builder.draft(actor, ref(event.params));
		const all = commitments.map((c) => c.slug);
		const read = readQuestion(type, values, chosen, all);
		if (!read.ok) return invalid(values, read.errors);
		const saved = await draftOutline.saveQuestion(
			actor,
			ref(event.params),
			revisionOf(values),
			{ section: event.params.section },
			read.input
		);
		if (!saved.ok) return invalid(values, saved.errors, saved.conflict ? 409 : 400);
		redirect(
			303,
			`/admin/surveys/${event.params.slug}/versions/${event.params.number}#q-${saved.key}`
		);
	}
};
