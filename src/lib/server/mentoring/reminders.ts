// Reminders about actions: once a day (see jobs/scheduler.ts) each owner of open actions due
// within seven days or overdue gets one mail listing them all; each person may turn it off.
import * as v from 'valibot';
import { isLocale, type Locale } from '../../paraglide/runtime.js';
import { db } from '../db/index.ts';
import { requireSignedIn, type Actor } from '../access/index.ts';
import { appOrigin } from '../auth/auth.ts';
import * as mail from '../mail/service.ts';
import * as queries from './reminder-queries.ts';
import { reminderMail, REMINDER_PURPOSE, type RemindedAction } from './reminder-messages.ts';

export const REMINDER_DAYS = 7;

function addDays(day: string, days: number): string {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/**
 * The daily job: one mail per owner for `today` ("YYYY-MM-DD", UTC). Run by the scheduler,
 * not by a person, so it takes no actor. Whoever already got the day's reminder (a run taken
 * up again after a crash) is skipped. Returns the outcome kept in job_run.
 */
export async function sendActionReminders(
	today: string,
	origin: string = appOrigin()
): Promise<string> {
	const rows = await queries.actionsToRemind(await db(), addDays(today, REMINDER_DAYS));
	const owners = new Map<
		string,
		{ name: string; email: string; locale: Locale; actions: RemindedAction[] }
	>();
	for (const r of rows) {
		const owner = owners.get(r.userId) ?? {
			name: r.userName,
			email: r.email,
			// In the language the person last used here; English for one never seen.
			locale: r.locale && isLocale(r.locale) ? r.locale : 'en',
			actions: []
		};
		owner.actions.push({ ...r, dueOn: r.dueOn! });
		owners.set(r.userId, owner);
	}
	const mailed = await mail.recipientsSince(REMINDER_PURPOSE, new Date(`${today}T00:00:00Z`));
	let sent = 0;
	for (const owner of owners.values()) {
		if (mailed.has(owner.email)) continue;
		await mail.send({
			to: owner.email,
			...reminderMail({
				name: owner.name,
				actions: owner.actions,
				today,
				origin,
				locale: owner.locale
			})
		});
		sent += 1;
	}
	return `${sent} mails about ${rows.length} actions`;
}

/** Whether the signed-in person gets reminder mails (no choice saved yet: yes). */
export async function myActionReminders(actor: Actor | null): Promise<boolean> {
	requireSignedIn(actor);
	const row = await queries.findPreference(await db(), actor.userId);
	return row?.actionReminders ?? true;
}

export const reminderSettingsSchema = v.object({
	// An absent field (no radio ticked) must get the same message as a wrong one.
	actionReminders: v.pipe(
		v.optional(v.string(), ''),
		v.picklist(['on', 'off'], 'reminder_error_choice')
	)
});

/** A person turns their own reminder mails on or off; there is no way to name someone else. */
export async function setMyActionReminders(actor: Actor | null, on: boolean): Promise<void> {
	requireSignedIn(actor);
	await queries.savePreference(await db(), actor.userId, on);
}
