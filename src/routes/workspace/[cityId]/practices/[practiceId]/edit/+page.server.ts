import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as practices from '#lib/server/practices/service.ts';
import { checkPractice, practiceValues } from '#lib/server/practices/forms.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const { cityId, practiceId } = event.params;
	const detail = await practices.forCity(actor, cityId, practiceId);
	if (!(practices.editable as readonly string[]).includes(detail.practice.status)) {
		error(409, 'This practice cannot be edited now.');
	}
	const v = detail.latest;
	return {
		options: await practices.options(actor),
		practiceId,
		title: v.title,
		reviewComment: detail.practice.status === 'returned' ? detail.practice.reviewComment : null,
		current: {
			title: v.title,
			summary: v.summary,
			description: v.description,
			periodFrom: v.periodFrom === null ? '' : String(v.periodFrom),
			periodTo: v.periodTo === null ? '' : String(v.periodTo),
			cities: v.cities,
			themes: v.themes,
			keyFactors: v.keyFactors.map((k) => `${k.benchmark}/${k.slug}`),
			commitments: v.commitments,
			audience: v.audience ?? '',
			results: v.results ?? '',
			resources: v.resources ?? '',
			funding: v.funding ?? '',
			partners: v.partners ?? '',
			contact: v.contact ?? '',
			links: v.links.join('\n'),
			language: v.language
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { cityId, practiceId } = event.params;
		const values = practiceValues(await event.request.formData());
		const checked = checkPractice(values);
		if (!checked.ok) return fail(400, { values, errors: checked.errors });
		await practices.update(actor, cityId, practiceId, checked.data);
		redirect(303, `/workspace/${cityId}/practices/${practiceId}?saved=1`);
	}
};
