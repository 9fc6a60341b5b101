import type { Actions, PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { can } from '#lib/server/access/index.ts';
import { requireUser, invalid } from '#lib/server/http.ts';
import { isUuid } from '#lib/server/validation.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const cityId = event.params.cityId;
	const list = await cities.members(actor, cityId);
	return {
		people: list.people.map((p) => ({
			id: p.id,
			name: p.name,
			email: p.email,
			role: p.role,
			organisation: p.organisation
		})),
		pending: list.pending,
		canInvite: can(actor, 'city.members.invite', { cityId }),
		invited: event.url.searchParams.get('invited')?.slice(0, 254) ?? null
	};
};

export const actions: Actions = {
	revoke: async (event) => {
		const actor = requireUser(event);
		const form = await event.request.formData();
		const id = form.get('invitationId');
		if (typeof id !== 'string' || !isUuid(id)) return invalid({}, { _form: 'error_generic' });
		await cities.revokeInvitation(actor, event.params.cityId, id);
		return { revoked: true };
	}
};
