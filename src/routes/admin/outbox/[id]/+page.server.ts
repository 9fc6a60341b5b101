import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as mail from '#lib/server/mail/service.ts';
import { requireUser } from '#lib/server/http.ts';
import { isUuid } from '#lib/server/validation.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	if (!isUuid(event.params.id)) error(404, 'Not found');
	const message = await mail.get(actor, event.params.id);
	if (!message) error(404, 'Not found');
	return { message };
};
