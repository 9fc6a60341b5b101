import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import { localized } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { survey, versions, draft } = await builder.overview(actor, event.params.slug);
	const locale = getLocale();
	return {
		slug: survey.slug,
		title: localized(survey.title, locale),
		summary: localized(survey.summary, locale),
		versions: versions.map((x) => ({
			number: x.number,
			status: x.status,
			note: x.note,
			publishedAt: x.publishedAt?.toISOString().slice(0, 10) ?? null
		})),
		draft: draft?.number ?? null
	};
};

export const actions: Actions = {
	start: async (event) => {
		const actor = requireUser(event);
		const started = await builder.startVersion(actor, event.params.slug);
		if (!started.ok) return fail(409, { values: {}, errors: started.errors });
		redirect(303, `/admin/surveys/${event.params.slug}/versions/${started.number}`);
	}
};
