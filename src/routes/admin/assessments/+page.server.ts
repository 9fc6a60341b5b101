import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import { networkDistribution } from '#lib/server/assessments/distributions.ts';
import { roundScore } from '#lib/server/assessments/scoring.ts';
import { parsePeerGroup, peerGroupKey } from '#lib/server/cities/similar.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const available = (await benchmarks.listThemes(actor)).flatMap((t) =>
		t.benchmark ? [{ slug: t.benchmark.slug, title: t.benchmark.title }] : []
	);
	const asked = event.url.searchParams.get('benchmark');
	const slug = asked || available[0]?.slug;
	if (!slug) return { benchmarks: available, distribution: null, group: '' };
	if (!available.some((b) => b.slug === slug)) error(404, 'Not found');
	// A group that is not a peer group shows all cities, as the form's first choice does.
	const group = parsePeerGroup(event.url.searchParams.get('group'));
	const d = await networkDistribution(actor, slug, group);
	const whole = (n: number) => roundScore(n)!;
	return {
		benchmarks: available,
		group: group ? peerGroupKey(group) : '',
		distribution: {
			...d,
			keyFactors: d.keyFactors.map((k) => ({
				number: k.number,
				slug: k.slug,
				title: k.title,
				// Whole percentages, as the report shows scores: the chart draws these same figures.
				figures: k.figures && {
					count: k.figures.count,
					min: whole(k.figures.min),
					q1: whole(k.figures.q1),
					median: whole(k.figures.median),
					q3: whole(k.figures.q3),
					max: whole(k.figures.max)
				}
			}))
		}
	};
};
