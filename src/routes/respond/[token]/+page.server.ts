import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as respondents from '#lib/server/assessments/respondent-links.ts';

// The link is the credential: no account, no session. Nothing here may be cached or indexed.
export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const view = await respondents.respondentByToken(params.token);
	if (!view) error(404, 'Not found');
	return {
		respondent: view.respondent,
		status: view.status,
		city: view.city,
		assessment: view.assessment,
		benchmark: view.benchmark,
		keyFactors: view.keyFactors.map((k) => ({
			number: k.number,
			slug: k.slug,
			title: k.title,
			status: k.status
		})),
		saved: url.searchParams.has('saved')
	};
};
