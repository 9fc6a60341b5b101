// What the assessment modules share: an assessment loaded with the read check (a bad id or
// another city's assessment is a 404), and the guide questions of a benchmark version.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import { requireAssessmentAccess, type Actor } from '../access/index.ts';
import * as benchmarkQueries from '../benchmarks/queries.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';

/** The assessment, once the actor may read it; else 404 (or 401/403 from the check). */
export async function load(actor: Actor | null, id: string) {
	if (!isUuid(id)) error(404, 'Not found');
	const a = await queries.findAssessment(await db(), id);
	if (!a) error(404, 'Not found');
	requireAssessmentAccess(actor, a, 'assessment.read');
	return a;
}

/** The guide questions of a benchmark version, each with its key factor's slug. */
export async function questionsOf(d: Db, benchmarkId: string) {
	const kfs = await benchmarkQueries.listKeyFactors(d, benchmarkId);
	const qs = await benchmarkQueries.listGuideQuestions(
		d,
		kfs.map((k) => k.id)
	);
	return qs.map((q) => ({
		id: q.id,
		text: q.text,
		keyFactorSlug: kfs.find((k) => k.id === q.keyFactorId)!.slug
	}));
}
