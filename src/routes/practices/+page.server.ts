import type { PageServerLoad } from './$types';
import * as practices from '#lib/server/practices/service.ts';

export const load: PageServerLoad = async (event) => {
	const page = Number(event.url.searchParams.get('page') ?? '1');
	const q = event.url.searchParams.get('q') ?? '';
	return { list: await practices.published(event.locals.actor, page, q) };
};
