// The campaign forms, one topic per page, checked field by field. Messages are keys of the
// message files; what is typed always comes back with them.
import * as v from 'valibot';
import { locales } from '#lib/paraglide/runtime.js';
import { isoDay, optionalText, requiredText } from '../validation.ts';

export const limits = { edition: 60, message: 4_000, reason: 2_000 } as const;

export const surveyForm = v.object({
	surveyId: v.pipe(v.optional(v.string(), ''), v.trim(), v.uuid('campaign_error_survey_required')),
	edition: requiredText(
		limits.edition,
		'campaign_error_edition_required',
		'campaign_error_edition_too_long'
	)
});

export const targetForm = v.object({
	target: v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['signatories', 'members', 'chosen'], 'campaign_error_target_required')
	)
});

const day = (requiredKey: string) =>
	v.pipe(
		isoDay('campaign_error_date_invalid'),
		v.check((s): s is string => s !== null, requiredKey),
		v.transform((s) => s as string)
	);

export const datesForm = v.pipe(
	v.object({
		opensOn: day('campaign_error_opens_required'),
		closesOn: day('campaign_error_closes_required')
	}),
	v.forward(
		v.check((d) => d.opensOn < d.closesOn, 'campaign_error_dates_order'),
		['closesOn']
	)
);

export const remindersForm = v.object({
	reminderDays: v.pipe(
		v.optional(v.string(), ''),
		v.trim(),
		v.regex(/^\d{1,2}$/, 'campaign_error_reminder_days'),
		v.transform(Number),
		v.maxValue(60, 'campaign_error_reminder_days')
	)
});

/** The message in English (required when any other language is given) and the others. */
export const messageForm = v.pipe(
	v.object(
		Object.fromEntries(
			locales.map((l) => [
				`message_${l}`,
				optionalText(limits.message, 'campaign_error_message_too_long')
			])
		) as Record<`message_${(typeof locales)[number]}`, ReturnType<typeof optionalText>>
	),
	v.forward(
		v.check(
			(d) => d.message_en !== '' || locales.every((l) => d[`message_${l}`] === ''),
			'campaign_error_message_english'
		),
		['message_en']
	)
);

export const closingForm = v.object({
	closesOn: day('campaign_error_closes_required')
});

export const responseForm = v.object({
	responseId: v.pipe(v.optional(v.string(), ''), v.trim(), v.uuid('campaign_error_not_found'))
});

export const declineForm = v.object({
	responseId: v.pipe(v.optional(v.string(), ''), v.trim(), v.uuid('campaign_error_not_found')),
	reason: requiredText(
		limits.reason,
		'campaign_error_reason_required',
		'campaign_error_reason_too_long'
	)
});

export const steps = ['survey', 'target', 'dates', 'reminders', 'message'] as const;
export type Step = (typeof steps)[number];
