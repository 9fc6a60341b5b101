// The line under a questionnaire that says how its background save went (see autosave.ts),
// in the reader's language.
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { t } from '#lib/i18n.ts';
import type { AutosaveStatus } from './autosave.ts';

/** What to say for a status; null keeps what is shown (a save under way says nothing new). */
export function autosaveMessage(status: AutosaveStatus): string | null {
	switch (status.kind) {
		case 'saving':
			return null;
		case 'saved': {
			const locale = getLocale();
			const time = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
				hour: '2-digit',
				minute: '2-digit'
			}).format(status.at);
			return m.assessment_autosave_saved({ time });
		}
		case 'restored':
			return m.assessment_autosave_restored();
		case 'offline':
			return m.assessment_autosave_offline();
		case 'refused':
			return m.assessment_autosave_refused();
		case 'conflict':
			return m.assessment_autosave_failed({ reason: m.assessment_autosave_conflict() });
		case 'invalid':
			return status.error
				? m.assessment_autosave_failed({ reason: t(status.error) })
				: m.assessment_autosave_refused();
	}
}

/** The status line's text, as state, and the callback that autosave() reports to. */
export function autosaveStatus() {
	let text = $state('');
	return {
		get text() {
			return text;
		},
		onStatus(status: AutosaveStatus) {
			const said = autosaveMessage(status);
			if (said !== null) text = said;
		}
	};
}
