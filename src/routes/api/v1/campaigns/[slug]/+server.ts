import type { RequestHandler } from './$types';
import * as surveys from '#lib/server/surveys/public.ts';
import { notFound, respond, slugParam } from '#lib/server/api/http.ts';
import { toCampaign } from '#lib/server/api/surveys.ts';

/** A campaign sent to cities; a draft or an unknown slug: 404. */
export const GET: RequestHandler = ({ locals, params }) =>
	respond('public', async () => {
		const found = await surveys.getCampaign(locals.actor, slugParam(params.slug));
		if (!found) notFound();
		return toCampaign(found);
	});
