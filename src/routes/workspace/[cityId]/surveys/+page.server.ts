import type { PageServerLoad } from './$types';
import * as responses from '#lib/server/surveys/responses.ts';
import { localized } from '#lib/server/surveys/definition.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const locale = getLocale();
	const list = await responses.listForCity(actor, event.params.cityId);
	return {
		campaigns: list.map((c) => ({
			...c,
			surveyTitle: localized(c.surveyTitle, locale),
			titleLang: c.surveyTitle[locale as 'en'] ? locale : 'en'
		}))
	};
};
