// What the respondent modules share (respondents.ts, respondent-links.ts, group-views.ts):
// reading the assessment with its access check, its benchmark content, and the link's hash.
import { createHash } from 'node:crypto';
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { requireAssessmentAccess, type Actor } from '../access/index.ts';
import * as benchmarks from '../benchmarks/service.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';

export const respondentGroups = ['city_staff', 'partner_organisation', 'migrant'] as const;
export type RespondentGroup = (typeof respondentGroups)[number];

/** Links are stored only as the SHA-256 of their token. */
export function hashToken(token: string) {
	return createHash('sha256').update(token).digest('hex');
}

/** The assessment, readable by the actor (else 404; 401 without a session). */
export async function loadAssessment(actor: Actor | null, id: string) {
	if (!isUuid(id)) error(404, 'Not found');
	const a = await queries.findAssessment(await db(), id);
	if (!a) error(404, 'Not found');
	requireAssessmentAccess(actor, a, 'assessment.read');
	return a;
}

/** The benchmark version the assessment keeps; its content is public. */
export async function contentOf(benchmarkId: string) {
	const b = await benchmarks.getBenchmarkById(null, benchmarkId);
	if (!b) error(500, 'The benchmark of this assessment is missing.');
	return b;
}
