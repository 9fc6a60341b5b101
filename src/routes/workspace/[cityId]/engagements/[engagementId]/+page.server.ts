import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as mentoring from '#lib/server/mentoring/service.ts';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import { requireUser } from '#lib/server/http.ts';
import type { EngagementStatus } from '#lib/server/access/index.ts';

const notices = [
	'proposed',
	'accepted',
	'saved',
	'visit-added',
	'visit-removed',
	'status'
] as const;

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const ref = { id: event.params.engagementId, cityId: event.params.cityId };
	const [engagement, assessments, themes] = await Promise.all([
		mentoring.get(actor, ref),
		mentoring.sharedAssessments(actor, ref),
		benchmarks.listThemes(actor)
	]);
	return {
		engagement,
		assessments,
		theme: themes.find((t) => t.slug === engagement.themeSlug)?.title ?? engagement.themeSlug,
		notice: notices.find((n) => event.url.searchParams.has(n)) ?? null
	};
};

const here = (params: { cityId: string; engagementId: string }) =>
	`/workspace/${params.cityId}/engagements/${params.engagementId}`;

export const actions: Actions = {
	accept: async (event) => {
		const actor = requireUser(event);
		const { cityId, engagementId } = event.params;
		await mentoring.respond(actor, { id: engagementId, cityId }, { accept: true });
		redirect(303, `${here(event.params)}?accepted=1`);
	},
	status: async (event) => {
		const actor = requireUser(event);
		const { cityId, engagementId } = event.params;
		const status = (await event.request.formData()).get('status');
		const e = await mentoring.get(actor, { id: engagementId, cityId });
		if (!e.nextStatuses.includes(status as EngagementStatus)) {
			return fail(400, { errors: { _form: 'error_engagement_status_step' } });
		}
		await mentoring.setStatus(actor, { id: engagementId, cityId }, status as EngagementStatus);
		redirect(303, `${here(event.params)}?status=1`);
	},
	removeVisit: async (event) => {
		const actor = requireUser(event);
		const { cityId, engagementId } = event.params;
		const visitId = String((await event.request.formData()).get('visitId') ?? '');
		await mentoring.removeVisit(actor, { id: engagementId, cityId }, visitId);
		redirect(303, `${here(event.params)}?visit-removed=1#visits`);
	}
};
