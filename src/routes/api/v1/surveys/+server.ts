import type { RequestHandler } from './$types';
import * as surveys from '#lib/server/surveys/public.ts';
import { respond } from '#lib/server/api/http.ts';
import { toSurveySummary } from '#lib/server/api/surveys.ts';

/** The surveys with a published version, each with that version's number. */
export const GET: RequestHandler = ({ locals }) =>
	respond('public', async () => ({
		surveys: (await surveys.listSurveys(locals.actor)).map(toSurveySummary)
	}));
