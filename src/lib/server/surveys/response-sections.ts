// Answering one section of a response (form, save, hand to a colleague): apart, as it holds the per-question save rules.
import { isLocale, type Locale } from '../../paraglide/runtime.js';
import { m } from '../../paraglide/messages.js';
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import { appOrigin } from '../auth/auth.ts';
import * as mail from '../mail/service.ts';
import * as queries from './response-queries.ts';
import { allQuestions, localized } from './definition.ts';
import {
	answerRevision,
	answeredKeys,
	encodeProblem,
	missingAnswer,
	readAnswer,
	sameRows,
	type FormInput
} from './answers.ts';
import { visibleQuestions } from './visibility.ts';
import { answeringState } from './responses.ts';
import { campaignOf, commitmentsIn, rowsByQuestion, sectionOf } from './response-common.ts';

/** One section to answer: its questions, which are shown, and what is saved for each. */
export async function sectionForm(
	actor: Actor | null,
	cityId: string,
	slug: string,
	sectionKey: string
) {
	requireAccess(actor, 'survey.respond', { cityId });
	const d = await db();
	const c = await campaignOf(d, cityId, slug);
	const section = sectionOf(c, sectionKey);
	const [answerRows, sections, commitments] = await Promise.all([
		queries.listAnswers(d, [c.responseId]),
		queries.listSections(d, c.responseId),
		commitmentsIn(d)
	]);
	const answers = rowsByQuestion(answerRows);
	const visible = visibleQuestions(c.definition, answers);
	const index = c.definition.sections.findIndex((s) => s.key === sectionKey);
	const row = sections.find((x) => x.sectionKey === sectionKey);
	return {
		campaign: c,
		answering: answeringState(c),
		section,
		index,
		next: c.definition.sections[index + 1]?.key ?? null,
		completed: !!row?.completedAt,
		commitments,
		answers: Object.fromEntries(section.questions.map((q) => [q.key, answers.get(q.key) ?? []])),
		revisions: Object.fromEntries(
			section.questions.map((q) => [q.key, answerRevision(answers.get(q.key))])
		),
		visible: section.questions.filter((q) => visible.has(q.key)).map((q) => q.key),
		/** Answers of the earlier sections, for the page's show-if without a round trip. */
		conditionAnswers: Object.fromEntries(
			allQuestions(c.definition)
				.filter((q) => !section.questions.includes(q))
				.map((q) => [q.key, answers.get(q.key) ?? []])
		)
	};
}

export type SaveOutcome =
	| {
			ok: true;
			/** A field named a question this version does not have: ignored, and said so. */
			unknownQuestion: boolean;
			/** Questions the save revealed on this section (shown now, hidden before). */
			revealed: string[];
			revisions: Record<string, string>;
			completed: boolean;
	  }
	| {
			ok: false;
			reason: 'invalid';
			/** Field → encoded message; what validated was saved all the same. */
			errors: Record<string, string>;
			unknownQuestion: boolean;
			revisions: Record<string, string>;
			conflicts: string[];
	  }
	| { ok: false; reason: 'closed' | 'submitted' | 'not_yet_open' };

/**
 * Saves what a section's form holds. Each question stands alone: one that validates is saved,
 * one that does not is kept as it was (the page keeps what was typed, with its message); a
 * question someone else saved since the page was loaded (its fingerprint moved) is not
 * overwritten. Hidden questions are neither read nor required. `complete` marks the section
 * completed when all its shown required questions are answered; saving without it marks it
 * in progress again.
 */
export async function saveSection(
	actor: Actor | null,
	cityId: string,
	slug: string,
	sectionKey: string,
	form: FormInput,
	options: { complete: boolean; locale: string }
): Promise<SaveOutcome> {
	requireAccess(actor, 'survey.respond', { cityId });
	const d = await db();
	const c = await campaignOf(d, cityId, slug);
	const section = sectionOf(c, sectionKey);
	const state = answeringState(c);
	if (state !== 'open') return { ok: false, reason: state };
	const commitments = (await commitmentsIn(d)).map((x) => x.slug);
	const ctx = { commitments, locale: options.locale };
	const known = new Set(allQuestions(c.definition).map((q) => q.key));
	const posted = answeredKeys(form);
	const unknownQuestion = [...posted].some((k) => !known.has(k));

	return d.transaction(async (tx) => {
		const stored = rowsByQuestion(await queries.listAnswers(tx, [c.responseId]));
		const visibleBefore = visibleQuestions(c.definition, stored);
		const next = new Map(stored);
		const errors: Record<string, string> = {};
		const conflicts: string[] = [];
		// Read in order: a question's show-if looks at answers above it, as just typed.
		for (const q of section.questions) {
			if (!posted.has(q.key)) continue;
			if (!visibleQuestions(c.definition, next).has(q.key)) continue;
			const reading = readAnswer(q, form, ctx);
			if (!reading.ok) {
				for (const [field, p] of Object.entries(reading.errors)) errors[field] = encodeProblem(p);
				continue;
			}
			if (sameRows(reading.rows, stored.get(q.key))) continue;
			const from = form[`revision-${q.key}`]?.[0];
			if (from !== undefined && from !== answerRevision(stored.get(q.key))) {
				conflicts.push(q.key);
				const mine = Object.entries(form)
					.filter(([name]) => name === `answer-${q.key}` || name.startsWith(`answer-${q.key}/`))
					.flatMap(([, typed]) => typed.filter(Boolean))
					.join(', ');
				errors[`answer-${q.key}`] = encodeProblem({ key: 'sr_error_conflict', params: { mine } });
				continue;
			}
			next.set(q.key, reading.rows);
		}
		let changed = false;
		for (const q of section.questions) {
			if (next.get(q.key) === stored.get(q.key)) continue;
			await queries.replaceAnswer(tx, {
				responseId: c.responseId,
				campaignId: c.campaignId,
				questionKey: q.key,
				rows: next.get(q.key) ?? [],
				userId: actor.userId
			});
			changed = true;
		}
		const visibleNow = visibleQuestions(c.definition, next);
		let completed = false;
		if (options.complete && !Object.keys(errors).length) {
			for (const q of section.questions) {
				if (!visibleNow.has(q.key)) continue;
				const missing = missingAnswer(q, next.get(q.key), ctx);
				if (missing) errors[`answer-${q.key}`] = encodeProblem(missing);
			}
			if (Object.keys(errors).length) errors._form = 'sr_error_not_complete';
			else completed = true;
		}
		if (changed || options.complete) {
			if (!(await queries.touchResponse(tx, c.responseId)))
				return { ok: false as const, reason: 'submitted' as const };
		}
		const sections = await queries.listSections(tx, c.responseId);
		const wasCompleted = !!sections.find((x) => x.sectionKey === sectionKey)?.completedAt;
		if (completed !== wasCompleted)
			await queries.upsertSection(tx, c.responseId, sectionKey, {
				completedAt: completed ? new Date() : null
			});
		const revisions = Object.fromEntries(
			section.questions
				.filter((q) => !conflicts.includes(q.key))
				.map((q) => [q.key, answerRevision(next.get(q.key))])
		);
		if (Object.keys(errors).length)
			return {
				ok: false as const,
				reason: 'invalid' as const,
				errors,
				unknownQuestion,
				revisions,
				conflicts
			};
		const revealed = section.questions
			.filter((q) => visibleNow.has(q.key) && !visibleBefore.has(q.key))
			.map((q) => q.key);
		return { ok: true as const, unknownQuestion, revealed, revisions, completed };
	});
}

/**
 * The coordinator hands a section to a colleague who answers surveys (a coordinator or a
 * contributor of the city), who gets a mail in their language with the link; null takes it back.
 */
export async function assignSection(
	actor: Actor | null,
	cityId: string,
	slug: string,
	sectionKey: string,
	assigneeId: string | null,
	origin: string = appOrigin()
): Promise<{ ok: true } | { ok: false; error: string }> {
	requireAccess(actor, 'survey.submit', { cityId });
	const d = await db();
	const c = await campaignOf(d, cityId, slug);
	const section = sectionOf(c, sectionKey);
	if (answeringState(c) !== 'open') return { ok: false, error: 'sr_error_not_open' };
	if (assigneeId === null) {
		await queries.upsertSection(d, c.responseId, sectionKey, { assigneeId: null });
		return { ok: true };
	}
	const respondents = await queries.listRespondents(d, cityId);
	const person = respondents.find((r) => r.userId === assigneeId);
	if (!person) return { ok: false, error: 'sr_error_assignee' };
	await queries.upsertSection(d, c.responseId, sectionKey, { assigneeId });
	const locale: Locale = person.locale && isLocale(person.locale) ? person.locale : 'en';
	const cityName = await queries.findCityName(d, cityId);
	const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
	await mail.send({
		to: person.email,
		purpose: 'survey-section',
		subject: m.sr_mail_subject({ survey: localized(c.surveyTitle, locale) }, { locale }),
		text: m.sr_mail_body(
			{
				name: person.name,
				from: actor.name,
				city: cityName,
				survey: `${localized(c.surveyTitle, locale)} ${c.edition}`,
				section: localized(section.title, locale),
				closes: c.closesOn ? dates.format(new Date(`${c.closesOn}T00:00:00Z`)) : '',
				link: `${origin}/workspace/${cityId}/surveys/${c.slug}/${section.key}`
			},
			{ locale }
		)
	});
	return { ok: true };
}
