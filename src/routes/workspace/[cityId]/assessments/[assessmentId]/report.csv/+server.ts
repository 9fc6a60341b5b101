import type { RequestHandler } from './$types';
import { reportOfCity } from '#lib/server/assessments/http.ts';
import { toCsv } from '#lib/server/assessments/report.ts';
import { requireUser } from '#lib/server/http.ts';
import { csvResponse } from '#lib/server/csv.ts';

export const GET: RequestHandler = async (event) => {
	const r = await reportOfCity(requireUser(event), event.params.cityId, event.params.assessmentId);
	return csvResponse(
		toCsv(r),
		`${r.city?.slug ?? 'city'}-${r.benchmark.slug}-${r.assessment.cycle}`
	);
};
