import { m } from '../../paraglide/messages.js';
import type { CityRole } from '../access/index.ts';
import { roleLabel } from '../../roles.ts';

export function invitationMail(p: {
	name: string;
	inviter: string;
	city: string;
	role: CityRole;
	link: string;
	days: number;
}) {
	return {
		purpose: 'invitation',
		subject: m.mail_invite_subject({ city: p.city }, { locale: 'en' }),
		text: m.mail_invite_body(
			{ ...p, role: roleLabel(p.role, 'en'), days: String(p.days) },
			{ locale: 'en' }
		)
	};
}
