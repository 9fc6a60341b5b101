import type { LayoutServerLoad } from './$types';
import { requireAccess } from '#lib/server/access/index.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: LayoutServerLoad = async (event) => {
	const actor = requireUser(event);
	// Every admin page checks again in its own load; this stops the section early.
	requireAccess(actor, 'city.create');
	return {};
};
