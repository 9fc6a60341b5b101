import type { RequestHandler } from './$types';
import * as surveys from '#lib/server/surveys/public.ts';
import { respond } from '#lib/server/api/http.ts';
import { toCampaign } from '#lib/server/api/surveys.ts';

/** The campaigns sent to cities (never drafts), with their response rates. */
export const GET: RequestHandler = ({ locals }) =>
	respond('public', async () => ({
		campaigns: (await surveys.listCampaigns(locals.actor)).map(toCampaign)
	}));
