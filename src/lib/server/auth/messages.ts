// The mails that accounts send, in the recipient's language (English unless known).
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';

export const authMessages = {
	resetPassword(name: string, link: string, locale: Locale = 'en') {
		return {
			purpose: 'password-reset',
			subject: m.mail_reset_subject({}, { locale }),
			text: m.mail_reset_body({ name, link }, { locale })
		};
	},
	verifyEmail(name: string, link: string, locale: Locale = 'en') {
		return {
			purpose: 'verify-email',
			subject: m.mail_verify_subject({}, { locale }),
			text: m.mail_verify_body({ name, link }, { locale })
		};
	}
};
