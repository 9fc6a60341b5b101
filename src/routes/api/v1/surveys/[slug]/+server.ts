import type { RequestHandler } from './$types';
import * as surveys from '#lib/server/surveys/public.ts';
import { notFound, respond, slugParam } from '#lib/server/api/http.ts';
import { toSurvey } from '#lib/server/api/surveys.ts';

/** A survey's latest published version; nothing published or an unknown slug: 404. */
export const GET: RequestHandler = ({ locals, params }) =>
	respond('public', async () => {
		const found = await surveys.getSurvey(locals.actor, slugParam(params.slug));
		if (!found) notFound();
		return toSurvey(found);
	});
