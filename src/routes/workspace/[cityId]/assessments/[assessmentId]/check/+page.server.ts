import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import { requireUser } from '#lib/server/http.ts';
import { responseValue } from '#lib/assessment-labels.ts';

const EXCERPT = 200;

/** Only the city's coordinators check and submit; for anyone else the page does not exist. */
async function assessmentOf(event: RequestEvent) {
	const actor = requireUser(event);
	const view = await assessments.get(actor, event.params.assessmentId);
	if (view.cityId !== event.params.cityId || !view.canManage) error(404, 'Not found');
	return { actor, view, base: `/workspace/${view.cityId}/assessments/${view.id}` };
}

function excerpt(text: string) {
	return text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text;
}

export const load: PageServerLoad = async (event) => {
	const { view, base } = await assessmentOf(event);
	if (view.status === 'submitted') redirect(303, base);
	const keyFactors = view.keyFactors.map((k) => ({
		number: k.number,
		slug: k.slug,
		title: k.title,
		questions: k.guideQuestions.map((q, i) => {
			const a = k.answers[i]!;
			return {
				id: q.id,
				text: q.text,
				response: responseValue(a.kind, a.rating),
				evidence: excerpt(a.evidence),
				links: a.links.length
			};
		})
	}));
	return {
		assessment: { id: view.id, cycle: view.cycle },
		benchmark: { title: view.benchmark.title, language: view.benchmark.language },
		keyFactors,
		unanswered: keyFactors.flatMap((k) => k.questions).filter((q) => !q.response).length,
		context: view.contextNotes.map((c) => ({
			id: c.id,
			title: c.title,
			limit: c.limit,
			why: excerpt(c.why)
		}))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { actor, view, base } = await assessmentOf(event);
		if (view.status === 'in_progress') await assessments.submit(actor, view.id);
		redirect(303, `${base}?done=submitted`);
	}
};
