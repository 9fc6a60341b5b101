import type { RequestHandler } from './$types';
import { reportOfCity } from '#lib/server/assessments/http.ts';
import { toCsv } from '#lib/server/assessments/report.ts';
import { requireUser } from '#lib/server/http.ts';

export const GET: RequestHandler = async (event) => {
	const r = await reportOfCity(requireUser(event), event.params.cityId, event.params.assessmentId);
	const name = `${r.city?.slug ?? 'city'}-${r.benchmark.slug}-${r.assessment.cycle}`.replace(
		/[^A-Za-z0-9_-]+/g,
		'-'
	);
	// A byte-order mark so that spreadsheet programs read the accents right.
	return new Response('\uFEFF' + toCsv(r), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
