// The engagement forms, checked field by field. Messages are keys of the message files.
import * as v from 'valibot';
import { isoDay, optionalText, requiredText, type FieldErrors } from '../validation.ts';
import { engagementPartKinds } from './schema.ts';

export const limits = { title: 200, summary: 2_000, part: 20_000, visitText: 4_000 } as const;

const day = isoDay('error_engagement_date_invalid');

/** A period's end as precise as it is known: a year, a month or a day (2012, 2013-09, 2013-09-15). */
const periodEnd = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.transform((s) => (s === '' ? null : s)),
	v.nullable(
		v.pipe(
			v.string(),
			v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'error_engagement_period_invalid'),
			v.check((s) => {
				const [y, mo, d] = s.split('-').map(Number);
				if (y! < 1900 || y! > 2200) return false;
				if (mo === undefined) return true;
				if (mo < 1 || mo > 12) return false;
				if (d === undefined) return true;
				const date = new Date(Date.UTC(y!, mo - 1, d));
				return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
			}, 'error_engagement_period_invalid')
		)
	)
);

/** Whether a period's start comes no later than its end, compared as precisely as both are known. */
export function periodInOrderOf(from: string | null, to: string | null): boolean {
	if (!from || !to) return true;
	const n = Math.min(from.length, to.length);
	return from.slice(0, n) <= to.slice(0, n);
}

const uuid = (key: string) => v.pipe(v.optional(v.string(), ''), v.trim(), v.uuid(key));

const engagementFields = {
	themeSlug: requiredText(
		120,
		'error_engagement_theme_required',
		'error_engagement_theme_required'
	),
	title: requiredText(
		limits.title,
		'error_engagement_title_required',
		'error_engagement_title_too_long'
	),
	summary: optionalText(limits.summary, 'error_engagement_summary_too_long'),
	periodFrom: periodEnd,
	periodTo: periodEnd
};
const periodInOrder = <T extends { periodFrom: string | null; periodTo: string | null }>(
	schema: v.GenericSchema<unknown, T>
) =>
	v.pipe(
		schema,
		v.forward(
			v.check((e: T) => periodInOrderOf(e.periodFrom, e.periodTo), 'error_engagement_period_order'),
			['periodTo' as never]
		)
	);

/** A network admin sets up an engagement between two cities (active at once). */
export const setUpForm = periodInOrder(
	v.pipe(
		v.object({
			...engagementFields,
			mentorCityId: uuid('error_engagement_mentor_required'),
			implementingCityId: uuid('error_engagement_implementing_required')
		}),
		v.forward(
			v.check((e) => e.mentorCityId !== e.implementingCityId, 'error_engagement_same_city'),
			['implementingCityId']
		)
	)
);

/** A city proposes an engagement to another, as its mentor or as the city to be mentored. */
export const proposeForm = periodInOrder(
	v.object({
		...engagementFields,
		otherCityId: uuid('error_engagement_other_required'),
		as: v.pipe(
			v.optional(v.string(), ''),
			v.check((s) => s === 'mentor' || s === 'implementing', 'error_engagement_role_required'),
			v.transform((s) => s as 'mentor' | 'implementing')
		)
	})
);

export const declineForm = v.object({
	reason: requiredText(
		limits.summary,
		'error_engagement_reason_required',
		'error_engagement_reason_too_long'
	)
});

export const partForm = v.object({
	kind: v.picklist(engagementPartKinds, 'error_generic'),
	text: optionalText(limits.part, 'error_engagement_part_too_long'),
	/** The revision the text was loaded at: a save over a newer one is a conflict. */
	revision: v.pipe(
		v.optional(v.string(), '0'),
		v.regex(/^\d{1,9}$/, 'error_generic'),
		v.transform(Number)
	)
});

export const visitForm = v.object({
	visitedOn: day,
	place: requiredText(200, 'error_visit_place_required', 'error_visit_text_too_long'),
	visitors: optionalText(limits.visitText, 'error_visit_text_too_long'),
	met: optionalText(limits.visitText, 'error_visit_text_too_long'),
	topics: optionalText(limits.visitText, 'error_visit_text_too_long')
});

/**
 * What the lists offered allow: a theme and cities that exist (a changed form field gets a
 * message at the field, not an error page).
 */
export function outsideChoices(
	data: { themeSlug: string } & Partial<
		Record<'otherCityId' | 'mentorCityId' | 'implementingCityId', string>
	>,
	choices: { cities: { id: string }[]; themes: { slug: string }[] }
): FieldErrors {
	const errors: FieldErrors = {};
	if (!choices.themes.some((t) => t.slug === data.themeSlug)) {
		errors.themeSlug = 'error_engagement_theme_required';
	}
	const known = (id: string | undefined) =>
		id === undefined || choices.cities.some((c) => c.id === id);
	if (!known(data.otherCityId)) errors.otherCityId = 'error_engagement_other_required';
	if (!known(data.mentorCityId)) errors.mentorCityId = 'error_engagement_mentor_required';
	if (!known(data.implementingCityId)) {
		errors.implementingCityId = 'error_engagement_implementing_required';
	}
	return errors;
}
