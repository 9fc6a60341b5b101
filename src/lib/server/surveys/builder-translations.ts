// A survey's labels in other languages, kept apart from the English outline they translate.
import { requireAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { db } from '../db/index.ts';
import type { Locale, Localized, Question } from './definition.ts';
import * as queries from './builder-queries.ts';
import {
	change,
	findQuestion,
	findSection,
	surveyOr404,
	type VersionRef
} from './builder-draft.ts';

type Texts = Record<string, Partial<Record<Locale, string>>>;

/** Replaces every language but English of a localized text (English is edited elsewhere). */
function translated(
	text: Localized | undefined,
	others: Partial<Record<Locale, string>> | undefined
) {
	if (!text) return text;
	return { en: text.en, ...(others ?? {}) } as Localized;
}

/** Per language, one line for each option (or row, column), in their order. */
function translatedList(
	list: Question['options'],
	others: Partial<Record<Locale, string>> | undefined
) {
	if (!list) return list;
	const perLocale = Object.entries(others ?? {}).map(
		([locale, text]) =>
			[
				locale,
				(text ?? '')
					.split(/\r?\n/)
					.map((l) => l.trim())
					.filter(Boolean)
			] as const
	);
	return list.map((o, i) => ({
		key: o.key,
		label: {
			en: o.label.en,
			...Object.fromEntries(perLocale.flatMap(([l, ls]) => (ls[i] ? [[l, ls[i]]] : [])))
		} as Localized
	}));
}

export async function translateQuestion(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	key: string,
	texts: Texts
) {
	requireAccess(actor, 'survey.manage');
	return change(actor, ref, revision, 'survey.question.translate', (definition) => {
		const { question: q } = findQuestion(definition, key);
		q.label = translated(q.label, texts.label)!;
		q.help = translated(q.help, texts.help);
		q.unit = translated(q.unit, texts.unit);
		q.options = translatedList(q.options, texts.options);
		q.rows = translatedList(q.rows, texts.rows);
		q.columns = translatedList(q.columns, texts.columns);
		for (const field of ['help', 'unit', 'options', 'rows', 'columns'] as const)
			if (q[field] === undefined) delete q[field];
		return { ok: true, definition };
	});
}

export async function translateSection(
	actor: Actor | null,
	ref: VersionRef,
	revision: number,
	key: string,
	texts: Texts
) {
	requireAccess(actor, 'survey.manage');
	return change(actor, ref, revision, 'survey.section.translate', (definition) => {
		const section = findSection(definition, key);
		section.title = translated(section.title, texts.title)!;
		const intro = translated(section.intro, texts.intro);
		if (intro) section.intro = intro;
		return { ok: true, definition };
	});
}

/** The survey's own title and summary in other languages (they belong to no version). */
export async function translateSurvey(actor: Actor | null, slug: string, texts: Texts) {
	requireAccess(actor, 'survey.manage');
	const d = await db();
	const survey = await surveyOr404(d, slug);
	await d.transaction(async (tx) => {
		const title = translated(survey.title, texts.title)!;
		const summary = translated(survey.summary, texts.summary)!;
		await queries.updateSurveyTexts(tx, survey.id, { title, summary });
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'survey.translate',
			entityType: 'survey',
			entityId: survey.id,
			after: { title, summary }
		});
	});
}
