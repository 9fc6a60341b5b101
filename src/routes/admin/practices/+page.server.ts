import type { PageServerLoad } from './$types';
import * as practices from '#lib/server/practices/service.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return { queue: await practices.queue(actor), done: event.url.searchParams.has('done') };
};
