import type { PageServerLoad } from './$types';
import * as audit from '#lib/server/audit/service.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const entries = await audit.recent(actor, 200);
	return {
		entries: entries.map((e) => ({
			id: e.id,
			at: e.at,
			actor: e.actorUserId,
			action: e.action,
			entity: `${e.entityType}${e.entityId ? ` ${e.entityId}` : ''}`,
			after: e.after === null ? '' : JSON.stringify(e.after)
		}))
	};
};
