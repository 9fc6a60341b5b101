// Mail leaves through SMTP when SMTP_URL is set; otherwise it stays in the outbox, which
// network admins read in the app, and is printed on the console so a laptop needs no server.
import nodemailer from 'nodemailer';

export interface Transport {
	send(message: { to: string; subject: string; text: string }): Promise<void>;
	readonly kind: 'smtp' | 'outbox';
}

let cached: Transport | undefined;

export function transport(): Transport {
	if (cached) return cached;
	const url = process.env.SMTP_URL;
	if (url) {
		const smtp = nodemailer.createTransport(url);
		const from = process.env.MAIL_FROM ?? 'Integrating Cities <no-reply@integrating-cities.local>';
		cached = {
			kind: 'smtp',
			async send(message) {
				await smtp.sendMail({ from, ...message });
			}
		};
	} else {
		cached = {
			kind: 'outbox',
			async send(message) {
				if (process.env.MAIL_QUIET) return;
				console.log(
					`\n[outbox] To: ${message.to}\n[outbox] Subject: ${message.subject}\n${message.text}\n`
				);
			}
		};
	}
	return cached;
}
