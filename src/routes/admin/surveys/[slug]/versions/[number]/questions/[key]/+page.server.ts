import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import * as draftOutline from '#lib/server/surveys/builder-outline.ts';
import { readQuestion, revisionOf } from '#lib/server/surveys/builder-forms.ts';
import { questionValues } from '#lib/server/surveys/builder-views.ts';
import {
	allQuestions,
	localized,
	questionTypes,
	type QuestionType
} from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formValues } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

const ref = (p: { slug: string; number: string }) => ({ slug: p.slug, number: Number(p.number) });

/** The type asked for in the address (after "change the type"), or the question's own. */
function typeFrom(url: URL, own: QuestionType): QuestionType {
	const asked = url.searchParams.get('type');
	return asked && (questionTypes as readonly string[]).includes(asked)
		? (asked as QuestionType)
		: own;
}

async function question(event: RequestEvent) {
	const found = await builder.draft(requireUser(event), ref(event.params));
	const q = allQuestions(found.version.definition).find((x) => x.key === event.params.key);
	if (!q) error(404, 'Not found');
	return { ...found, q };
}

export const load: PageServerLoad = async (event) => {
	const { survey, version, commitments, published, q } = await question(event);
	const type = typeFrom(event.url, q.type);
	const publishedType = published.get(q.key);
	return {
		slug: survey.slug,
		title: localized(survey.title, getLocale()),
		number: version.number,
		revision: version.revision,
		key: q.key,
		type,
		ownType: q.type,
		/** Saving as another type gives the question a new key (see draftOutline.saveQuestion). */
		newKey: !!publishedType && publishedType !== type,
		values: questionValues(q),
		chosen: q.commitments ?? commitments.map((c) => c.slug),
		commitments
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireUser(event);
		const { commitments, q } = await question(event);
		const type = typeFrom(event.url, q.type);
		const formData = await event.request.formData();
		const values = formValues(formData);
		const chosen = formData.getAll('commitments').map(String);
		values.commitments = chosen.join(',');
		const read = readQuestion(
			type,
			values,
			chosen,
			commitments.map((c) => c.slug)
		);
		if (!read.ok) return invalid(values, read.errors);
		const saved = await draftOutline.saveQuestion(
			actor,
			ref(event.params),
			revisionOf(values),
			{ question: q.key },
			read.input
		);
		if (!saved.ok) return invalid(values, saved.errors, saved.conflict ? 409 : 400);
		redirect(
			303,
			`/admin/surveys/${event.params.slug}/versions/${event.params.number}#q-${saved.key}`
		);
	},
	delete: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const done = await draftOutline.deleteQuestion(
			actor,
			ref(event.params),
			revisionOf(values),
			event.params.key
		);
		if (!done.ok) return invalid(values, done.errors, done.conflict ? 409 : 400);
		redirect(303, `/admin/surveys/${event.params.slug}/versions/${event.params.number}`);
	}
};
