// How a campaign's state, target group and a response's status read, the same on every page.
import { m } from './paraglide/messages.js';
import { getLocale } from './paraglide/runtime.js';

export type CampaignState = 'draft' | 'scheduled' | 'open' | 'closed';
export type CampaignTarget = 'signatories' | 'members' | 'chosen';
export type ResponseStatus = 'not_started' | 'in_progress' | 'submitted';

const states: Record<CampaignState, () => string> = {
	draft: m.campaign_state_draft,
	scheduled: m.campaign_state_scheduled,
	open: m.campaign_state_open,
	closed: m.campaign_state_closed
};

const targets: Record<CampaignTarget, () => string> = {
	signatories: m.campaign_target_signatories,
	members: m.campaign_target_members,
	chosen: m.campaign_target_chosen
};

const responses: Record<ResponseStatus, () => string> = {
	not_started: m.campaign_response_not_started,
	in_progress: m.campaign_response_in_progress,
	submitted: m.campaign_response_submitted
};

export const campaignStateLabel = (s: CampaignState) => states[s]();
export const campaignTargetLabel = (t: CampaignTarget) => targets[t]();
export const responseStatusLabel = (s: ResponseStatus) => responses[s]();

/** The tag class a state is shown with (the task list's colours). */
export function campaignStateTag(s: CampaignState): string {
	return s === 'open'
		? 'tag-completed'
		: s === 'closed'
			? 'tag-revoked'
			: s === 'scheduled'
				? 'tag-in-progress'
				: 'tag-not-started';
}

/** A localized text in the reader's language, English where it was not translated. */
export function inReaderLanguage(text: { en: string } & Record<string, string | undefined>) {
	return text[getLocale()] || text.en;
}
