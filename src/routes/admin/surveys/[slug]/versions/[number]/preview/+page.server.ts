import type { PageServerLoad } from './$types';
import * as preview from '#lib/server/surveys/preview.ts';
import { sectionView, textIn } from '#lib/server/surveys/view.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale, isLocale, locales } from '#lib/paraglide/runtime.js';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { version, commitments } = await preview.previewVersion(
		actor,
		event.params.slug,
		/^\d{1,6}$/.test(event.params.number) ? Number(event.params.number) : NaN
	);
	// The survey's texts in the language asked for (?lang=fr), as a city reading it would see
	// them; the page's own words stay in the reader's language.
	const asked = event.url.searchParams.get('lang');
	const lang = asked && isLocale(asked) ? asked : getLocale();
	return {
		survey: { slug: version.surveySlug, title: textIn(version.surveyTitle, lang) },
		version: { number: version.number, status: version.status },
		lang,
		locales: [...locales],
		sections: version.definition.sections.map((s) =>
			sectionView(s, version.definition, lang, commitments)
		)
	};
};
