import type { PageServerLoad } from './$types';
import * as builder from '#lib/server/surveys/builder.ts';
import { localized } from '#lib/server/surveys/definition.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const locale = getLocale();
	const surveys = await builder.list(actor);
	return {
		surveys: surveys.map((s) => ({
			slug: s.slug,
			title: localized(s.title, locale),
			latest: s.latest,
			campaigns: s.campaigns
		}))
	};
};
