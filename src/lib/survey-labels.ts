// Survey words shown to cities, in the reader's language.
import { m } from './paraglide/messages.js';

export type ResponseStatus = 'not_started' | 'in_progress' | 'submitted';
export type Answering = 'open' | 'not_yet_open' | 'closed' | 'submitted';

export function responseStatusLabel(status: ResponseStatus): string {
	switch (status) {
		case 'not_started':
			return m.sr_status_not_started();
		case 'in_progress':
			return m.sr_status_in_progress();
		case 'submitted':
			return m.sr_status_submitted();
	}
}

/** The tag colour of a response's status (the task list's). */
export function responseStatusTag(status: ResponseStatus): string {
	return status === 'submitted'
		? 'completed'
		: status === 'in_progress'
			? 'in-progress'
			: 'not-started';
}

export function commitmentAnswerLabel(value: string | null): string {
	if (value === 'yes') return m.sr_commitment_yes();
	if (value === 'partly') return m.sr_commitment_partly();
	if (value === 'no') return m.sr_commitment_no();
	return value ?? '';
}
