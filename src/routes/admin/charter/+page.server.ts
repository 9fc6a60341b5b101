import type { PageServerLoad } from './$types';
import * as charter from '#lib/server/charter/service.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const list = await charter.listForAdmin(requireUser(event));
	const done = event.url.searchParams.get('done');
	return {
		signatories: list.map((s) => ({
			id: s.id,
			citySlug: s.citySlug,
			cityName: s.cityName,
			signedOn: s.signedOn,
			eventStart: s.eventStart,
			eventEnd: s.eventEnd,
			place: s.place,
			signedBy: s.signedBy,
			recorded: s.recordedAt !== null
		})),
		// Which city's signature was just recorded or changed, for the notice.
		done: done === 'recorded' || done === 'updated' ? done : null,
		city: event.url.searchParams.get('city')?.slice(0, 120) ?? null
	};
};
