import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as practices from '#lib/server/practices/service.ts';
import { can } from '#lib/server/access/index.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, practiceId } = event.params;
	const detail = await practices.latestView(actor, cityId, practiceId);
	const p = detail.practice;
	return {
		practice: {
			id: p.id,
			slug: p.slug,
			status: p.status,
			reviewComment: p.reviewComment,
			published: !!p.publishedVersionId
		},
		view: detail.view,
		versions: detail.versions,
		canEdit: (practices.editable as readonly string[]).includes(p.status),
		canSubmit:
			can(actor, 'practice.submit', { cityId }) &&
			(practices.submittable as readonly string[]).includes(p.status),
		saved: event.url.searchParams.has('saved'),
		submitted: event.url.searchParams.has('submitted')
	};
};

export const actions: Actions = {
	submit: async (event) => {
		const actor = requireUser(event);
		const { cityId, practiceId } = event.params;
		await practices.submit(actor, cityId, practiceId);
		redirect(303, `/workspace/${cityId}/practices/${practiceId}?submitted=1`);
	}
};
