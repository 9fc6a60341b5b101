import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as mentoring from '#lib/server/mentoring/service.ts';
import * as benchmarks from '#lib/server/benchmarks/service.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const engagement = await mentoring.publicSummary(locals.actor, params.slug);
	if (!engagement) error(404, 'Not found');
	const themes = await benchmarks.listThemes(locals.actor);
	const theme = themes.find((t) => t.slug === engagement.themeSlug);
	return {
		engagement,
		theme: theme
			? { title: theme.title, href: theme.benchmark ? `/toolkits/${theme.benchmark.slug}` : null }
			: null
	};
};
