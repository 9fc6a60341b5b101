// The daily reminder mail, in the recipient's language (English until accounts keep one).
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

export interface RemindedAction {
	actionId: string;
	title: string;
	dueOn: string;
	planId: string;
	planTitle: string;
	cityId: string;
	cityName: string;
}

const DAY_MS = 24 * 3600 * 1000;

/** Whole days from `today` to `dueOn` (both "YYYY-MM-DD"); negative when overdue. */
export function daysUntil(today: string, dueOn: string): number {
	return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
}

function when(days: number, locale: Locale): string {
	if (days === 0) return m.reminder_due_today({}, { locale });
	if (days > 0) return m.reminder_due_in({ days }, { locale });
	return m.reminder_overdue_by({ days: -days }, { locale });
}

export function actionLink(
	origin: string,
	a: Pick<RemindedAction, 'cityId' | 'planId' | 'actionId'>
) {
	return `${origin}/workspace/${a.cityId}/plans/${a.planId}/actions/${a.actionId}`;
}

export function reminderMail(p: {
	name: string;
	actions: RemindedAction[];
	today: string;
	origin: string;
	locale?: Locale;
}) {
	const locale = p.locale ?? 'en';
	const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
	const actions = p.actions
		.map((a) =>
			m.reminder_mail_action(
				{
					title: a.title,
					plan: a.planTitle,
					city: a.cityName,
					date: dates.format(new Date(`${a.dueOn}T00:00:00Z`)),
					when: when(daysUntil(p.today, a.dueOn), locale),
					link: actionLink(p.origin, a)
				},
				{ locale }
			)
		)
		.join('\n\n');
	return {
		purpose: REMINDER_PURPOSE,
		subject: m.reminder_mail_subject({}, { locale }),
		text: m.reminder_mail_body(
			{ name: p.name, actions, settings: `${p.origin}/account#reminders` },
			{ locale }
		)
	};
}

export const REMINDER_PURPOSE = 'action-reminder';
