// Survey campaigns, the daily survey-reminders job: apart because the scheduler runs it, with no actor and so no access check.
import { db } from '../db/index.ts';
import { appOrigin } from '../auth/auth.ts';
import * as mail from '../mail/service.ts';
import * as queries from './campaign-queries.ts';
import { reminderMail } from './campaign-messages.ts';
import { mailContext } from './campaign-common.ts';

/**
 * The daily job (see jobs/scheduler.ts): for each open campaign whose closing day is within
 * its reminder days, the coordinators of each target city that has not submitted get one mail
 * in their language. A response is reminded at most once per reminder window (the days from
 * closing − reminderDays to closing): lastRemindedAt is set before the mails go, so a run
 * taken up again after a crash mails no one twice; moving the closing date later opens a new
 * window, and so one more reminder. Run by the scheduler, not by a person: no actor.
 */
export async function sendSurveyReminders(
	today: string,
	origin: string = appOrigin()
): Promise<string> {
	const d = await db();
	const rows = await queries.responsesToRemind(d, today);
	let mails = 0;
	const campaigns = new Map<string, queries.Campaign>();
	// The run's day, never earlier than now: a run for a later day (tests, a late catch-up)
	// counts as a reminder of that day's window.
	const remindedAt = new Date(Math.max(Date.now(), Date.parse(`${today}T00:00:00Z`)));
	for (const r of rows) {
		const claimed = await queries.updateResponse(d, r.responseId, { lastRemindedAt: remindedAt });
		if (!claimed) continue;
		let c = campaigns.get(r.campaignId);
		if (!c) {
			c = (await queries.findCampaignWithSurvey(d, r.campaignSlug))!.campaign;
			campaigns.set(r.campaignId, c);
		}
		for (const person of await queries.coordinatorsOf(d, [r.cityId])) {
			const ctx = mailContext(person, r.cityName, c, r.surveyTitle, origin);
			await mail.send({ to: person.email, ...reminderMail(ctx) });
			mails += 1;
		}
	}
	return `${mails} mails about ${rows.length} responses`;
}
