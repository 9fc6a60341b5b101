import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import type { Actions, PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import * as draftOutline from '#lib/server/surveys/builder-outline.ts';
import { limits, revisionOf } from '#lib/server/surveys/builder-forms.ts';
import { issueViews, outline } from '#lib/server/surveys/builder-views.ts';
import { localized } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formValues } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

const ref = (params: { slug: string; number: string }) => ({
	slug: params.slug,
	number: Number(params.number)
});

export const load: PageServerLoad = async (event) => {
	const { survey, version } = await builder.version(requireUser(event), ref(event.params));
	const locale = getLocale();
	return {
		slug: survey.slug,
		title: localized(survey.title, locale),
		number: version.number,
		status: version.status,
		revision: version.revision,
		note: version.note,
		outline: outline(version.definition, locale)
	};
};

const moveForm = v.object({
	kind: v.picklist(['section', 'question']),
	key: v.string(),
	direction: v.picklist(['up', 'down'])
});

export const actions: Actions = {
	move: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const what = v.safeParse(moveForm, values);
		if (!what.success) return invalid(values, { _form: 'error_generic' });
		const moved = await draftOutline.move(
			actor,
			ref(event.params),
			revisionOf(values),
			what.output
		);
		if (!moved.ok) return fail(409, { values, errors: moved.errors });
		redirect(
			303,
			`${event.url.pathname}#${what.output.kind === 'section' ? 's' : 'q'}-${what.output.key}`
		);
	},
	publish: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const note = (values.note ?? '').trim();
		if (note.length > limits.note) return invalid(values, { note: 'sb_error_too_long' });
		const published = await builder.publish(actor, ref(event.params), revisionOf(values), note);
		if (!published.ok) {
			const { version } = await builder.version(actor, ref(event.params));
			const issues = issueViews(version.definition, published.issues ?? [], getLocale());
			return fail(400, { values, errors: published.errors, issues });
		}
		redirect(303, `/admin/surveys/${event.params.slug}`);
	}
};
