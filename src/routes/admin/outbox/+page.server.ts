import type { PageServerLoad } from './$types';
import * as mail from '#lib/server/mail/service.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const page = Number(event.url.searchParams.get('page') ?? '1');
	const messages = await mail.list(actor, Number.isFinite(page) ? page : 1);
	return {
		messages: messages.map((x) => ({
			id: x.id,
			to: x.to,
			subject: x.subject,
			purpose: x.purpose,
			createdAt: x.createdAt,
			sentAt: x.sentAt,
			error: x.error
		}))
	};
};
