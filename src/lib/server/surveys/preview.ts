// The network admin's preview of a survey version as a city sees it: apart, as it is the admin's and reads no response.
import { error } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as queries from './response-queries.ts';
import { commitmentsIn } from './response-common.ts';

/** A survey version as a city will see it, for the network admin's preview (nothing saved). */
export async function previewVersion(actor: Actor | null, surveySlug: string, number: number) {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const version = Number.isInteger(number)
		? await queries.findVersion(d, surveySlug, number)
		: undefined;
	if (!version) error(404, 'Not found');
	return { version, commitments: await commitmentsIn(d) };
}
