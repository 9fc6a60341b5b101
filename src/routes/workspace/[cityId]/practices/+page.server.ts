import type { PageServerLoad } from './$types';
import * as practices from '#lib/server/practices/service.ts';
import { can } from '#lib/server/access/index.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const cityId = event.params.cityId;
	const rows = await practices.listOfCity(actor, cityId);
	return {
		practices: rows.map((p) => ({
			id: p.id,
			title: p.title,
			status: p.status,
			updatedAt: p.updatedAt
		})),
		canDraft: can(actor, 'practice.draft', { cityId })
	};
};
