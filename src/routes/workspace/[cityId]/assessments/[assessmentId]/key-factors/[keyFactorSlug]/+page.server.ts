import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as assessments from '#lib/server/assessments/service.ts';
import * as answers from '#lib/server/assessments/answers.ts';
import * as attachments from '#lib/server/assessments/attachments.ts';
import * as groups from '#lib/server/assessments/group-views.ts';
import { readAnswers } from '#lib/server/assessments/forms.ts';
import { formValues, type FieldErrors } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';
import { responseValue } from '#lib/assessment-labels.ts';

/** The assessment and one of its key factors, under its own city's address; else 404. */
async function keyFactorOf(event: RequestEvent) {
	const actor = requireUser(event);
	const view = await assessments.get(actor, event.params.assessmentId);
	if (view.cityId !== event.params.cityId) error(404, 'Not found');
	const index = view.keyFactors.findIndex((k) => k.slug === event.params.keyFactorSlug);
	if (index < 0) error(404, 'Not found');
	return { actor, view, index, keyFactor: view.keyFactors[index]! };
}

type View = assessments.AssessmentView;

function questionsOf(keyFactor: View['keyFactors'][number], files: attachments.AttachmentItem[]) {
	return keyFactor.guideQuestions.map((q, i) => {
		const a = keyFactor.answers[i]!;
		return {
			id: q.id,
			text: q.text,
			answer: {
				response: responseValue(a.kind, a.rating),
				evidence: a.evidence,
				links: a.links,
				revision: a.revision
			},
			attachments: files
				.filter((f) => f.questionId === q.id)
				.map((f) => ({ id: f.id, filename: f.filename, size: f.size }))
		};
	});
}

/** The form as typed; line breaks as the browser counts them (\r\n would count twice). */
function typedValues(formData: FormData) {
	const values = formValues(formData);
	for (const key of Object.keys(values)) {
		if (/^(evidence|links)-/.test(key)) values[key] = values[key]!.replace(/\r\n?/g, '\n');
	}
	return values;
}

/** The files chosen in the page's file inputs (attachment-<questionId>); empty ones skipped. */
function chosenFiles(formData: FormData) {
	const files: { questionId: string; file: File }[] = [];
	for (const [key, value] of formData) {
		const match = /^attachment-(.+)$/.exec(key);
		if (match && typeof value !== 'string' && (value.size > 0 || value.name !== '')) {
			files.push({ questionId: match[1]!, file: value });
		}
	}
	return files;
}

/**
 * Keeps the files chosen on the page, after its answers were saved; a file refused comes back
 * as an error next to its question's file input.
 */
async function attachFiles(
	event: RequestEvent,
	view: View,
	keyFactor: View['keyFactors'][number],
	files: ReturnType<typeof chosenFiles>
) {
	const actor = requireUser(event);
	const own = new Set(keyFactor.guideQuestions.map((q) => q.id));
	const errors: FieldErrors = {};
	for (const { questionId, file } of files) {
		const field = `attachment-${questionId}`;
		if (!own.has(questionId)) {
			errors._form = 'error_question_unknown';
			continue;
		}
		if (errors[field]) continue;
		const outcome = await attachments.addAttachment(actor, view.id, questionId, file);
		if (outcome.ok) continue;
		if (outcome.error === 'submitted') errors._form = 'error_assessment_submitted';
		else if (outcome.error === 'unknown-question') errors._form = 'error_question_unknown';
		else errors[field] = outcome.error;
	}
	return errors;
}

/**
 * Reads and saves the page's answers. Questions of other key factors are refused: the page
 * posts only its own.
 */
async function save(event: RequestEvent) {
	const { actor, view, index, keyFactor } = await keyFactorOf(event);
	const formData = await event.request.formData();
	const values = typedValues(formData);
	const files = chosenFiles(formData);
	const page = { view, index, keyFactor, values, files };
	const parsed = readAnswers(values);
	if (!parsed.ok) return { ...page, outcome: { kind: 'invalid' as const, errors: parsed.errors } };
	const own = new Set(keyFactor.guideQuestions.map((q) => q.id));
	if (parsed.answers.some((a) => !own.has(a.questionId))) {
		return {
			...page,
			outcome: { kind: 'invalid' as const, errors: { _form: 'error_question_unknown' } }
		};
	}
	const outcome = await answers.saveAnswers(actor, view.id, parsed.answers);
	return { ...page, outcome: { kind: 'saved' as const, result: outcome } };
}

/** The revision of each question of the page as saved now: the next save starts from them. */
async function revisionsNow(event: RequestEvent, except: Set<string>) {
	const { keyFactor } = await keyFactorOf(event);
	const revisions: Record<string, number> = {};
	for (const a of keyFactor.answers)
		if (!except.has(a.questionId)) revisions[a.questionId] = a.revision;
	return revisions;
}

export const load: PageServerLoad = async (event) => {
	const { actor, view, index, keyFactor } = await keyFactorOf(event);
	const next = view.keyFactors[index + 1];
	const [files, groupViews] = await Promise.all([
		attachments.listAttachments(actor, view.id),
		// The respondents' views beside the city's own answer (coordinator and contributors).
		groups.groupViewsForKeyFactor(actor, view.id, keyFactor.slug)
	]);
	const notice = event.url.searchParams.has('attached')
		? 'attached'
		: event.url.searchParams.has('removed')
			? 'removed'
			: null;
	return {
		assessment: {
			id: view.id,
			cycle: view.cycle,
			status: view.status,
			canAnswer: view.canAnswer,
			canManage: view.canManage
		},
		benchmark: {
			slug: view.benchmark.slug,
			title: view.benchmark.title,
			version: view.benchmark.version,
			isCurrent: view.benchmark.isCurrent,
			language: view.benchmark.language
		},
		keyFactor: {
			number: keyFactor.number,
			slug: keyFactor.slug,
			title: keyFactor.title,
			statement: keyFactor.statement
		},
		count: view.keyFactors.length,
		questions: questionsOf(keyFactor, files),
		attachmentLimits: {
			maxMb: attachments.maxAttachmentMb(),
			perAnswer: attachments.MAX_ATTACHMENTS_PER_ANSWER
		},
		notice,
		groupViews,
		next: next ? { slug: next.slug, number: next.number, title: next.title } : null
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { view, index, keyFactor, values, files, outcome } = await save(event);
		// The files are kept even when an answer was refused: a browser cannot give a chosen
		// file back, so losing it would go unnoticed. Not once the assessment is submitted.
		const refused =
			outcome.kind === 'saved' && !outcome.result.ok && outcome.result.reason !== 'conflict';
		const fileErrors =
			files.length > 0 && !refused ? await attachFiles(event, view, keyFactor, files) : {};
		const hasFileErrors = Object.keys(fileErrors).length > 0;
		if (outcome.kind === 'invalid') return invalid(values, { ...outcome.errors, ...fileErrors });
		const result = outcome.result;
		if (!result.ok) {
			if (result.reason === 'submitted') {
				return invalid(values, { _form: 'error_assessment_submitted' }, 409);
			}
			if (result.reason === 'unknown-question') {
				return invalid(values, { _form: 'error_question_unknown' });
			}
			// Someone else saved some of these questions since the page was loaded: nothing is
			// overwritten, both versions go back to the page.
			return fail(409, {
				values,
				...(hasFileErrors ? { errors: fileErrors } : {}),
				conflicts: result.conflicts.map((c) => ({
					questionId: c.questionId,
					theirs: {
						response: responseValue(c.theirs.kind, c.theirs.rating),
						evidence: c.theirs.evidence,
						links: c.theirs.links,
						revision: c.theirs.revision
					},
					mine: {
						response: c.mine.response ?? '',
						evidence: c.mine.evidence,
						links: c.mine.links
					}
				}))
			});
		}
		if (hasFileErrors) {
			// The answers are saved: the page comes back with them and their new revisions, and
			// says which file was refused and why.
			const revisions = await revisionsNow(event, new Set());
			const kept = { ...values };
			for (const [id, revision] of Object.entries(revisions))
				kept[`revision-${id}`] = String(revision);
			return invalid(kept, fileErrors);
		}
		const base = `/workspace/${view.cityId}/assessments/${view.id}`;
		if (values.then === 'list') redirect(303, base);
		// A file just attached: back to its question, to see it listed.
		if (values.then === 'attach') {
			const at = files[0] ? `?attached=1#q-${files[0].questionId}` : '';
			redirect(303, `${base}/key-factors/${keyFactor.slug}${at}`);
		}
		const next = view.keyFactors[index + 1];
		redirect(303, next ? `${base}/key-factors/${next.slug}` : `${base}/context`);
	},

	/** A small form of its own next to each file (the Remove button). */
	removeAttachment: async (event) => {
		const { view, keyFactor } = await keyFactorOf(event);
		const values = formValues(await event.request.formData());
		const outcome = await attachments.removeAttachment(
			requireUser(event),
			view.id,
			values.attachment ?? ''
		);
		if (!outcome.ok) return invalid({}, { _form: 'error_assessment_submitted' }, 409);
		redirect(
			303,
			`/workspace/${view.cityId}/assessments/${view.id}/key-factors/${keyFactor.slug}?removed=1#q-${outcome.questionId}`
		);
	},

	/** The page's script saves in the background (a radio changed, a text left); never files. */
	autosave: async (event) => {
		const { outcome } = await save(event);
		if (outcome.kind === 'invalid') {
			return fail(400, { autosave: 'invalid' as const, error: Object.values(outcome.errors)[0] });
		}
		const result = outcome.result;
		if (result.ok) {
			return { autosave: 'saved' as const, revisions: await revisionsNow(event, new Set()) };
		}
		if (result.reason === 'conflict') {
			// The others are saved; a conflicting one keeps its old revision, so that saving the
			// page shows both versions.
			const conflicting = new Set(result.conflicts.map((c) => c.questionId));
			return fail(409, {
				autosave: 'conflict' as const,
				revisions: await revisionsNow(event, conflicting)
			});
		}
		return fail(409, {
			autosave: 'invalid' as const,
			error: result.reason === 'submitted' ? 'error_assessment_submitted' : 'error_question_unknown'
		});
	}
};
