// A version's sections and questions in the reader's language, for the pages (components
// cannot import server modules, so texts are chosen here).
import {
	commitmentAnswers,
	localized,
	showIfValues,
	type Localized,
	type Question,
	type Section,
	type SurveyDefinition
} from './definition.ts';
import { commitmentsOf } from './answers.ts';
import type { QuestionView, SectionView, Text } from '../../survey-view.ts';
import { m } from '../../paraglide/messages.js';

export function textIn(l: Localized | undefined | null, locale: string): Text {
	if (!l) return { text: '', lang: 'en' };
	const own = (l as Record<string, string | undefined>)[locale];
	return own ? { text: own, lang: locale } : { text: l.en, lang: 'en' };
}

/** The label a show-if value has in its question (an option's name, a scale point, yes…). */
function valueLabel(q: Question, value: string, locale: string): string {
	const option = q.options?.find((o) => o.key === value);
	if (option) return localized(option.label, locale);
	if ((commitmentAnswers as readonly string[]).includes(value)) {
		const labels = {
			yes: m.sr_commitment_yes,
			partly: m.sr_commitment_partly,
			no: m.sr_commitment_no
		};
		// Words of the page, in the reader's language (not the survey's).
		return labels[value as keyof typeof labels]();
	}
	return value;
}

export function questionView(
	q: Question,
	definition: SurveyDefinition,
	locale: string,
	commitments: { slug: string; text: string }[]
): QuestionView {
	const earlier = q.showIf
		? definition.sections.flatMap((s) => s.questions).find((x) => x.key === q.showIf!.question)
		: undefined;
	const option = (o: { key: string; label: Localized }) => ({
		key: o.key,
		label: textIn(o.label, locale)
	});
	const allSlugs = commitments.map((c) => c.slug);
	return {
		key: q.key,
		type: q.type,
		label: textIn(q.label, locale),
		help: q.help ? textIn(q.help, locale) : null,
		required: q.required,
		unit: q.unit ? textIn(q.unit, locale) : null,
		min: q.min ?? null,
		max: q.max ?? null,
		options: (q.options ?? []).map(option),
		rows: (q.rows ?? []).map(option),
		columns: (q.columns ?? []).map(option),
		commitments:
			q.type === 'commitments'
				? commitmentsOf(q, allSlugs).map((slug) => ({
						slug,
						text: commitments.find((c) => c.slug === slug)?.text ?? slug
					}))
				: [],
		showIf:
			q.showIf && earlier
				? {
						question: q.showIf.question,
						values: q.showIf.values.filter((v) => showIfValues(earlier).includes(v)),
						questionLabel: textIn(earlier.label, locale),
						valueLabels: q.showIf.values.map((v) => valueLabel(earlier, v, locale))
					}
				: null
	};
}

export function sectionView(
	s: Section,
	definition: SurveyDefinition,
	locale: string,
	commitments: { slug: string; text: string }[]
): SectionView {
	return {
		key: s.key,
		title: textIn(s.title, locale),
		intro: s.intro ? textIn(s.intro, locale) : null,
		questions: s.questions.map((q) => questionView(q, definition, locale, commitments))
	};
}
