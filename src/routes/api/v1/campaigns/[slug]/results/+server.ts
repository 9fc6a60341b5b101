import type { RequestHandler } from './$types';
import * as results from '#lib/server/surveys/results.ts';
import { respond, slugParam } from '#lib/server/api/http.ts';
import { resultsVisibility, toCampaignResults } from '#lib/server/api/survey-results.ts';

/**
 * A campaign's results: its published questions once published, for everyone; every question,
 * published or not, for network admins (then private). Unknown or unpublished: 404.
 */
export const GET: RequestHandler = ({ locals, params }) => {
	const admin = results.mayManage(locals.actor);
	return respond(
		(r) => resultsVisibility(r, admin),
		async () =>
			toCampaignResults(
				await results.campaignResults(locals.actor, slugParam(params.slug), 'en', {
					adminView: admin
				})
			)
	);
};
