// The report as routes use it: the assessment must belong to the city in the URL, so that a
// changed id never shows another city's data under this city's name.
import { error, isHttpError } from '@sveltejs/kit';
import type { Actor } from '../access/index.ts';
import { report } from './report.ts';

export async function reportOfCity(actor: Actor | null, cityId: string, assessmentId: string) {
	const r = await report(actor, assessmentId);
	if (r.city?.id !== cityId) error(404, 'Not found');
	return r;
}

/** A published report on the city's public page; anything else is not found. */
export async function publishedReport(actor: Actor | null, citySlug: string, assessmentId: string) {
	// On the public page an unpublished assessment simply does not exist, signed in or not.
	const r = await report(actor, assessmentId).catch((e: unknown) => {
		if (isHttpError(e) && e.status === 401) error(404, 'Not found');
		throw e;
	});
	if (r.city?.slug !== citySlug || r.assessment.visibility !== 'public') error(404, 'Not found');
	if (r.assessment.status !== 'submitted') error(404, 'Not found');
	return r;
}
