import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as respondents from '#lib/server/assessments/respondent-links.ts';
import { readAnswers } from '#lib/server/assessments/forms.ts';
import { formValues } from '#lib/server/validation.ts';
import { invalid } from '#lib/server/http.ts';

/** The respondent's view and one key factor of it; an unknown link or key factor is a 404. */
async function keyFactorOf(event: RequestEvent) {
	const view = await respondents.respondentByToken(event.params.token ?? '');
	if (!view) error(404, 'Not found');
	const index = view.keyFactors.findIndex((k) => k.slug === event.params.keyFactorSlug);
	if (index < 0) error(404, 'Not found');
	return { view, index, keyFactor: view.keyFactors[index]! };
}

export const load: PageServerLoad = async (event) => {
	// Once per response: after a form action, load runs in the same request.
	event.setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const { view, index, keyFactor } = await keyFactorOf(event);
	const next = view.keyFactors[index + 1];
	return {
		status: view.status,
		city: view.city,
		assessment: view.assessment,
		benchmark: view.benchmark,
		keyFactor: {
			number: keyFactor.number,
			slug: keyFactor.slug,
			title: keyFactor.title,
			statement: keyFactor.statement
		},
		count: view.keyFactors.length,
		questions: keyFactor.questions.map((q) => ({
			id: q.id,
			text: q.text,
			answer: { response: q.answer.response, evidence: q.answer.evidence, links: q.answer.links }
		})),
		next: next ? { slug: next.slug, number: next.number, title: next.title } : null
	};
};

type Saved =
	| { kind: 'invalid'; values: Record<string, string>; errors: Record<string, string> }
	| { kind: 'refused'; values: Record<string, string>; error: string; status: number }
	| { kind: 'saved'; values: Record<string, string> };

/** Reads the page's answers and saves them; questions of other key factors are refused. */
async function save(event: RequestEvent): Promise<Saved> {
	const { keyFactor } = await keyFactorOf(event);
	const values = formValues(await event.request.formData());
	for (const key of Object.keys(values)) {
		if (/^(evidence|links)-/.test(key)) values[key] = values[key]!.replace(/\r\n?/g, '\n');
	}
	const parsed = readAnswers(values);
	if (!parsed.ok) return { kind: 'invalid', values, errors: parsed.errors };
	const own = new Set(keyFactor.questions.map((q) => q.id));
	if (parsed.answers.some((a) => !own.has(a.questionId))) {
		return { kind: 'refused', values, error: 'error_question_unknown', status: 400 };
	}
	const outcome = await respondents.saveRespondentAnswers(event.params.token, parsed.answers);
	if (outcome.ok) return { kind: 'saved', values };
	if (outcome.reason === 'not-found') error(404, 'Not found');
	if (outcome.reason === 'submitted') {
		return { kind: 'refused', values, error: 'respond_error_submitted', status: 409 };
	}
	return { kind: 'refused', values, error: 'error_question_unknown', status: 400 };
}

export const actions: Actions = {
	save: async (event) => {
		const { view, index } = await keyFactorOf(event);
		const outcome = await save(event);
		if (outcome.kind === 'invalid') return invalid(outcome.values, outcome.errors);
		if (outcome.kind === 'refused') {
			return invalid(outcome.values, { _form: outcome.error }, outcome.status);
		}
		const base = `/respond/${event.params.token}`;
		const next = view.keyFactors[index + 1];
		if (outcome.values.then === 'list' || !next) redirect(303, `${base}?saved`);
		redirect(303, `${base}/${next.slug}`);
	},

	/** The page's script saves in the background as the person goes (see #lib/autosave.ts). */
	autosave: async (event) => {
		const outcome = await save(event);
		if (outcome.kind === 'saved') return { autosave: 'saved' as const };
		const reason = outcome.kind === 'invalid' ? Object.values(outcome.errors)[0] : outcome.error;
		return fail(outcome.kind === 'invalid' ? 400 : outcome.status, {
			autosave: 'invalid' as const,
			error: reason
		});
	}
};
