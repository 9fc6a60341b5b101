// A city answers a survey campaign: its sections, handed to colleagues, saved as it goes
// (autosave too), checked, submitted by the coordinator, and a request to reopen it after.
// Every function starts with its access check; another city's id answers 404.
import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { isLocale, type Locale } from '../../paraglide/runtime.js';
import { m } from '../../paraglide/messages.js';
import { db, type Db } from '../db/index.ts';
import { can, requireAccess, type Actor } from '../access/index.ts';
import { appOrigin } from '../auth/auth.ts';
import * as mail from '../mail/service.ts';
import * as charterQueries from '../charter/queries.ts';
import * as queries from './response-queries.ts';
import { allQuestions, localized, type Question, type Section } from './definition.ts';
import {
	answerRevision,
	answeredKeys,
	encodeProblem,
	missingAnswer,
	readAnswer,
	sameRows,
	type FormInput
} from './answers.ts';
import { visibleQuestions, type AnswerRow } from './visibility.ts';
import { todayIso } from '../../plans.ts';

export type Answering = 'open' | 'not_yet_open' | 'closed' | 'submitted';
export type SectionStatus = 'not_started' | 'in_progress' | 'completed';

type CampaignRow = queries.CampaignOfCity;

/** Whether the city can answer now: a sent campaign between its dates, not yet submitted. */
export function answeringState(
	c: Pick<CampaignRow, 'status' | 'opensOn' | 'closesOn' | 'responseStatus'>,
	today = todayIso()
): Answering {
	if (c.responseStatus === 'submitted') return 'submitted';
	if (c.status !== 'sent') return 'closed';
	if (c.opensOn && today < c.opensOn) return 'not_yet_open';
	if (!c.closesOn || today > c.closesOn) return 'closed';
	return 'open';
}

async function campaignOf(d: Db, cityId: string, slug: string) {
	const c = await queries.findCampaignOfCity(d, cityId, slug);
	if (!c) error(404, 'Not found');
	return c;
}

function sectionOf(c: CampaignRow, sectionKey: string): Section {
	const s = c.definition.sections.find((x) => x.key === sectionKey);
	if (!s) error(404, 'Not found');
	return s;
}

/** The Charter's commitments (slug and text), for commitment questions. */
async function commitmentsIn(d: Db) {
	const rows = await charterQueries.listCommitments(d);
	return rows.map((r) => ({ slug: r.slug, text: r.text }));
}

function rowsByQuestion(
	rows: { questionKey: string; cell: string; number: number | null; text: string | null }[]
) {
	const map = new Map<string, AnswerRow[]>();
	for (const r of rows) {
		const list = map.get(r.questionKey) ?? [];
		list.push({ cell: r.cell, number: r.number, text: r.text });
		map.set(r.questionKey, list);
	}
	return map;
}

function sectionStatus(
	s: Section,
	answers: ReadonlyMap<string, AnswerRow[]>,
	completedAt: Date | null | undefined
): SectionStatus {
	if (completedAt) return 'completed';
	return s.questions.some((q) => answers.get(q.key)?.length) ? 'in_progress' : 'not_started';
}

/** The campaigns a city was sent, open ones first, each with how far the city has come. */
export async function listForCity(actor: Actor | null, cityId: string) {
	requireAccess(actor, 'survey.respond', { cityId });
	const d = await db();
	const rows = await queries.listCampaignsOfCity(d, cityId);
	const today = todayIso();
	return rows.map((c) => ({
		slug: c.slug,
		edition: c.edition,
		surveyTitle: c.surveyTitle,
		opensOn: c.opensOn,
		closesOn: c.closesOn,
		responseStatus: c.responseStatus,
		submittedAt: c.submittedAt,
		answering: answeringState(c, today)
	}));
}

/** A campaign's task list: its sections with their statuses and who each was handed to. */
export async function overview(actor: Actor | null, cityId: string, slug: string) {
	requireAccess(actor, 'survey.respond', { cityId });
	const d = await db();
	const c = await campaignOf(d, cityId, slug);
	const [answerRows, sections, respondents] = await Promise.all([
		queries.listAnswers(d, [c.responseId]),
		queries.listSections(d, c.responseId),
		queries.listRespondents(d, cityId)
	]);
	const answers = rowsByQuestion(answerRows);
	const names = new Map(respondents.map((r) => [r.userId, r.name]));
	return {
		campaign: c,
		answering: answeringState(c),
		canSubmit: can(actor, 'survey.submit', { cityId }),
		sections: c.definition.sections.map((s) => {
			const row = sections.find((x) => x.sectionKey === s.key);
			return {
				key: s.key,
				title: s.title,
				status: sectionStatus(s, answers, row?.completedAt),
				assigneeId: row?.assigneeId ?? null,
				assigneeName: row?.assigneeId ? (names.get(row.assigneeId) ?? null) : null
			};
		}),
		respondents: respondents.map((r) => ({ userId: r.userId, name: r.name, role: r.role }))
	};
}

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

/** One question on the check page: its answer, or flagged when a required one is missing. */
export interface CheckedQuestion {
	question: Question;
	rows: AnswerRow[];
	missing: string | null;
}

/** Every shown question of the response, per section, with what is missing before submitting. */
export async function check(actor: Actor | null, cityId: string, slug: string, locale: string) {
	requireAccess(actor, 'survey.respond', { cityId });
	const d = await db();
	const c = await campaignOf(d, cityId, slug);
	const [answerRows, commitments] = await Promise.all([
		queries.listAnswers(d, [c.responseId]),
		commitmentsIn(d)
	]);
	const answers = rowsByQuestion(answerRows);
	const visible = visibleQuestions(c.definition, answers);
	const ctx = { commitments: commitments.map((x) => x.slug), locale };
	const sections = c.definition.sections.map((s) => ({
		key: s.key,
		title: s.title,
		questions: s.questions
			.filter((q) => visible.has(q.key))
			.map((q): CheckedQuestion => {
				const missing = missingAnswer(q, answers.get(q.key), ctx);
				return {
					question: q,
					rows: answers.get(q.key) ?? [],
					missing: missing ? encodeProblem(missing) : null
				};
			})
	}));
	return {
		campaign: c,
		answering: answeringState(c),
		canSubmit: can(actor, 'survey.submit', { cityId }),
		commitments,
		sections,
		missing: sections.flatMap((s) =>
			s.questions
				.filter((q) => q.missing)
				.map((q) => ({ section: s.key, question: q.question, problem: q.missing! }))
		)
	};
}

export type SubmitOutcome =
	| { ok: true }
	| {
			ok: false;
			reason: 'missing';
			missing: { section: string; question: Question; problem: string }[];
	  }
	| { ok: false; reason: 'closed'; closesOn: string | null }
	| { ok: false; reason: 'submitted' | 'not_yet_open' };

/**
 * The coordinator submits: every shown required question answered, before the closing date.
 * Answers to questions hidden by the city's own answers are dropped then: they are not part
 * of what it says.
 */
export async function submit(
	actor: Actor | null,
	cityId: string,
	slug: string,
	locale: string
): Promise<SubmitOutcome> {
	requireAccess(actor, 'survey.submit', { cityId });
	const checked = await check(actor, cityId, slug, locale);
	const c = checked.campaign;
	if (checked.answering === 'closed') return { ok: false, reason: 'closed', closesOn: c.closesOn };
	if (checked.answering !== 'open') return { ok: false, reason: checked.answering };
	if (checked.missing.length) return { ok: false, reason: 'missing', missing: checked.missing };
	const d = await db();
	return d.transaction(async (tx) => {
		const answers = rowsByQuestion(await queries.listAnswers(tx, [c.responseId]));
		const visible = visibleQuestions(c.definition, answers);
		await queries.deleteAnswers(
			tx,
			c.responseId,
			[...answers.keys()].filter((k) => !visible.has(k))
		);
		if (!(await queries.markSubmitted(tx, c.responseId, actor.userId)))
			return { ok: false as const, reason: 'submitted' as const };
		return { ok: true as const };
	});
}

export const reopenSchema = v.object({
	reason: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.nonEmpty('sr_error_reopen_reason'),
		v.maxLength(2000, 'sr_error_reopen_reason_long')
	)
});

/** After submitting, the coordinator asks the network to reopen the response, saying why. */
export async function requestReopen(
	actor: Actor | null,
	cityId: string,
	slug: string,
	reason: string
): Promise<{ ok: true } | { ok: false; error: string }> {
	requireAccess(actor, 'survey.submit', { cityId });
	const d = await db();
	const c = await campaignOf(d, cityId, slug);
	if (c.responseStatus !== 'submitted') return { ok: false, error: 'sr_error_not_submitted' };
	const parsed = v.safeParse(reopenSchema, { reason });
	if (!parsed.success) return { ok: false, error: parsed.issues[0].message };
	await queries.markReopenRequested(d, c.responseId, parsed.output.reason);
	return { ok: true };
}

/**
 * The API's view of a city's own responses: each campaign with its status and the answers
 * keyed by question (a value, or cells). Members of the city only; anyone else gets 404.
 */
export async function responsesOfCity(actor: Actor | null, citySlug: string) {
	const d = await db();
	const found = await queries.findCityBySlug(d, citySlug);
	// An unknown slug and another city read the same.
	requireAccess(actor, 'survey.respond', {
		cityId: found?.id ?? '00000000-0000-0000-0000-000000000000'
	});
	const c = found!;
	const campaigns = await queries.listCampaignsOfCity(d, c.id);
	const rows = await queries.listAnswers(
		d,
		campaigns.map((x) => x.responseId)
	);
	return {
		city: { slug: c.slug, name: c.name },
		responses: campaigns.map((x) => {
			const answers = rowsByQuestion(rows.filter((r) => r.responseId === x.responseId));
			const visible = visibleQuestions(x.definition, answers);
			return {
				campaign: x.slug,
				edition: x.edition,
				survey: x.surveySlug,
				status: x.responseStatus,
				submittedAt: x.submittedAt?.toISOString() ?? null,
				answers: Object.fromEntries(
					allQuestions(x.definition)
						.filter((q) => visible.has(q.key) && answers.get(q.key)?.length)
						.map((q) => [q.key, apiValue(q, answers.get(q.key)!)])
				)
			};
		})
	};
}

/** An answer as the API gives it: one value, or a value per cell (commitment, table cell, option). */
function apiValue(q: Question, rows: AnswerRow[]): unknown {
	switch (q.type) {
		case 'number':
		case 'scale':
			return rows[0]!.number;
		case 'multiple':
			return rows.filter((r) => r.cell).map((r) => r.cell);
		case 'commitments':
			return Object.fromEntries(rows.map((r) => [r.cell, r.text]));
		case 'table':
			return Object.fromEntries(rows.map((r) => [r.cell, r.number]));
		default:
			return rows[0]!.text;
	}
}

/** A survey version as a city will see it, for the network admin's preview (nothing saved). */
export async function previewVersion(actor: Actor | null, surveySlug: string, number: number) {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const version = Number.isInteger(number)
		? await queries.findVersion(d, surveySlug, number)
		: undefined;
	if (!version) error(404, 'Not found');
	return { version, commitments: await commitmentsIn(d) };
}
