import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as auth from '#lib/server/auth/service.ts';
import { applyCookies, requestContext } from '#lib/server/http.ts';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.actor) redirect(303, '/');
};

export const actions: Actions = {
	default: async (event) => {
		const result = await auth.signOut(requestContext(event));
		applyCookies(event, result.cookies);
		redirect(303, '/?signed-out');
	}
};
