import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import * as practices from '#lib/server/practices/service.ts';

export const load: PageServerLoad = async (event) => {
	const found = await practices.publishedBySlug(event.locals.actor, event.params.slug);
	if (!found) error(404, 'Not found');
	return { practice: found };
};
