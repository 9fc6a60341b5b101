import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { reportOfCity } from '#lib/server/assessments/http.ts';
import { requireUser } from '#lib/server/http.ts';

export const GET: RequestHandler = async (event) => {
	const r = await reportOfCity(requireUser(event), event.params.cityId, event.params.assessmentId);
	const name = `${r.city?.slug ?? 'city'}-${r.benchmark.slug}-${r.assessment.cycle}`.replace(
		/[^A-Za-z0-9_-]+/g,
		'-'
	);
	return json(r, {
		headers: {
			'content-disposition': `attachment; filename="${name}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
