import type { PageServerLoad } from './$types';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import * as charter from '#lib/server/charter/service.ts';
import * as cities from '#lib/server/cities/service.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const [themes, c, list] = await Promise.all([
		benchmarks.listThemes(locals.actor),
		charter.getCharter(locals.actor),
		cities.list(locals.actor)
	]);
	return {
		themes: themes.filter((t) => t.benchmark),
		themeCount: themes.length,
		commitmentCount: c.roles.reduce((n, r) => n + r.commitments.length, 0),
		cityCount: list.length
	};
};
