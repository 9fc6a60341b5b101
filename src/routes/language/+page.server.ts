import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { cookieName, isLocale } from '#lib/paraglide/runtime.js';
import { safeNext } from '#lib/server/http.ts';

export const actions: Actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = form.get('locale');
		if (typeof locale === 'string' && isLocale(locale)) {
			cookies.set(cookieName, locale, {
				path: '/',
				maxAge: 60 * 60 * 24 * 400,
				httpOnly: false,
				sameSite: 'lax'
			});
		}
		const next = form.get('redirectTo');
		redirect(303, safeNext(typeof next === 'string' ? next : null));
	}
};
