// The action plan forms, checked field by field. Messages are keys of the message files.
import * as v from 'valibot';
import { isoDay, optionalText, requiredText, text } from '../validation.ts';

export const limits = {
	title: 200,
	text: 4_000,
	ownerName: 200,
	when: 100,
	links: 10,
	link: 2_000
} as const;

export const actionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** An id from a select or a hidden field: a uuid, or nothing. */
const optionalId = (invalidKey: string) =>
	v.pipe(
		text,
		v.check((s) => s === '' || /^[0-9a-f-]{36}$/i.test(s), invalidKey),
		v.transform((s) => (s === '' ? null : s))
	);

export function isWebLink(s: string) {
	try {
		const url = new URL(s);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

export const planForm = v.object({
	title: requiredText(limits.title, 'error_plan_title_required', 'error_plan_title_too_long')
});

export const actionForm = v.pipe(
	v.object({
		title: requiredText(limits.title, 'error_action_title_required', 'error_action_title_too_long'),
		description: optionalText(limits.text, 'error_action_text_too_long'),
		/** A member of the city (their account id), or nothing. */
		ownerUserId: v.pipe(
			text,
			v.maxLength(100, 'error_action_owner_invalid'),
			v.transform((s) => (s === '' ? null : s))
		),
		ownerName: optionalText(limits.ownerName, 'error_action_owner_name_too_long'),
		startOn: isoDay('error_action_date_invalid'),
		dueOn: isoDay('error_action_date_invalid'),
		status: v.pipe(
			v.optional(v.string(), 'planned'),
			v.picklist(actionStatuses, 'error_action_status_required')
		),
		droppedReason: optionalText(limits.text, 'error_action_text_too_long'),
		progress: v.pipe(
			text,
			v.transform((s) => (s === '' ? '0' : s)),
			v.regex(/^\d{1,3}$/, 'error_action_progress_invalid'),
			v.transform(Number),
			v.maxValue(100, 'error_action_progress_invalid')
		),
		obstacles: optionalText(limits.text, 'error_action_text_too_long'),
		resources: optionalText(limits.text, 'error_action_text_too_long'),
		/** The revision the action was loaded at: a save over a newer one is a conflict. */
		revision: v.pipe(
			v.optional(v.string(), '0'),
			v.regex(/^\d{1,9}$/, 'error_generic'),
			v.transform(Number)
		)
	}),
	v.forward(
		v.check((a) => !a.startOn || !a.dueOn || a.startOn <= a.dueOn, 'error_action_due_before_start'),
		['dueOn']
	),
	v.forward(
		v.check(
			(a) => a.status !== 'dropped' || a.droppedReason !== '',
			'error_action_reason_required'
		),
		['droppedReason']
	)
);
export type ActionInput = Omit<v.InferOutput<typeof actionForm>, 'revision'>;

/** Key factors ("benchmark/slug") and guide questions (ids) an action addresses: check boxes. */
export const refsForm = v.object({
	keyFactors: v.pipe(
		v.optional(v.array(v.string()), []),
		v.maxLength(50, 'error_generic'),
		v.check((l) => l.every((k) => /^[a-z0-9-]+\/[a-z0-9-]+$/.test(k)), 'error_generic')
	),
	questions: v.pipe(
		v.optional(v.array(v.string()), []),
		v.maxLength(200, 'error_generic'),
		v.check((l) => l.every((q) => /^[0-9a-f-]{36}$/i.test(q)), 'error_generic')
	),
	revision: v.pipe(
		v.optional(v.string(), '0'),
		v.regex(/^\d{1,9}$/, 'error_generic'),
		v.transform(Number)
	)
});

export const commentForm = v.object({
	body: requiredText(limits.text, 'error_comment_body_required', 'error_comment_too_long'),
	suggestion: v.pipe(
		v.optional(v.string(), ''),
		v.transform((s) => s === 'yes')
	)
});

export const moveForm = v.object({
	actionId: v.pipe(text, v.uuid('error_generic')),
	direction: v.picklist(['up', 'down'], 'error_generic')
});

const links = v.pipe(
	v.optional(v.string(), ''),
	v.transform((s) =>
		s
			.split(/\r?\n/)
			.map((l) => l.trim())
			.filter(Boolean)
	),
	v.maxLength(limits.links, 'error_log_links_too_many'),
	v.check((l) => l.every((x) => x.length <= limits.link && isWebLink(x)), 'error_log_links_invalid')
);

export const logForm = v.pipe(
	v.object({
		happenedOn: isoDay('error_log_date_invalid'),
		when: optionalText(limits.when, 'error_log_when_too_long'),
		text: requiredText(limits.text, 'error_log_text_required', 'error_log_text_too_long'),
		links,
		actionId: optionalId('error_log_action_invalid')
	}),
	v.forward(
		v.check((e) => e.happenedOn !== null || e.when !== '', 'error_log_when_required'),
		['happenedOn']
	)
);
export type LogInput = v.InferOutput<typeof logForm>;

/** "Add to action plan" beside a "what more to do" line of an assessment report. */
export const fromReportForm = v.object({
	keyFactor: v.pipe(text, v.regex(/^[a-z0-9-]{1,120}$/, 'error_generic')),
	questionId: v.pipe(text, v.uuid('error_generic')),
	planId: optionalId('error_generic')
});

/** A form's values as valibot checks them: text once, repeated fields (check boxes) as lists. */
export function formLists(formData: FormData, listFields: readonly string[]) {
	const values: Record<string, string | string[]> = {};
	for (const [key, value] of formData) {
		if (typeof value !== 'string') continue;
		if (listFields.includes(key)) {
			const existing = values[key];
			values[key] = Array.isArray(existing) ? [...existing, value] : [value];
		} else if (!(key in values)) values[key] = value;
	}
	return values;
}
