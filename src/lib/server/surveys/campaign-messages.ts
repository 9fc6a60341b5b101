// The mails about a campaign to a city's coordinators, each in the recipient's language: the
// invitation when it is sent, the reminder before it closes, a reopened or declined request.
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { localized, type Localized } from './definition.ts';

export const CAMPAIGN_PURPOSE = 'survey-campaign';
export const REMINDER_PURPOSE = 'survey-reminder';
export const REOPEN_PURPOSE = 'survey-reopen';

export interface CampaignMailContext {
	name: string;
	locale: Locale;
	origin: string;
	cityId: string;
	cityName: string;
	campaignSlug: string;
	surveyTitle: Localized;
	edition: string;
	closesOn: string;
}

export function responseLink(origin: string, cityId: string, campaignSlug: string) {
	return `${origin}/workspace/${cityId}/surveys/${campaignSlug}`;
}

function common(c: CampaignMailContext) {
	const dates = new Intl.DateTimeFormat(c.locale, { dateStyle: 'long', timeZone: 'UTC' });
	return {
		name: c.name,
		survey: localized(c.surveyTitle, c.locale),
		edition: c.edition,
		city: c.cityName,
		date: dates.format(new Date(`${c.closesOn}T00:00:00Z`)),
		link: responseLink(c.origin, c.cityId, c.campaignSlug)
	};
}

export function invitationMail(c: CampaignMailContext, message: Localized) {
	const locale = c.locale;
	const words = localized(message, locale).trim();
	const p = common(c);
	return {
		purpose: CAMPAIGN_PURPOSE,
		subject: m.campaign_mail_invite_subject(p, { locale }),
		text: m.campaign_mail_invite_body({ ...p, message: words ? `\n${words}\n` : '' }, { locale })
	};
}

export function reminderMail(c: CampaignMailContext) {
	const locale = c.locale;
	const p = common(c);
	return {
		purpose: REMINDER_PURPOSE,
		subject: m.campaign_mail_reminder_subject(p, { locale }),
		text: m.campaign_mail_reminder_body(p, { locale })
	};
}

export function reopenedMail(c: CampaignMailContext) {
	const locale = c.locale;
	const p = common(c);
	return {
		purpose: REOPEN_PURPOSE,
		subject: m.campaign_mail_reopened_subject(p, { locale }),
		text: m.campaign_mail_reopened_body(p, { locale })
	};
}

export function declinedMail(c: CampaignMailContext, reason: string) {
	const locale = c.locale;
	const p = common(c);
	return {
		purpose: REOPEN_PURPOSE,
		subject: m.campaign_mail_declined_subject(p, { locale }),
		text: m.campaign_mail_declined_body({ ...p, reason }, { locale })
	};
}
