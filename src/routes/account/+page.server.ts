import type { Actions, PageServerLoad } from './$types';
import * as auth from '#lib/server/auth/service.ts';
import * as cities from '#lib/server/cities/service.ts';
import { requestContext, requireUser, invalid } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const memberships = await cities.myCities(actor);
	return {
		account: { name: actor.name, email: actor.email, emailVerified: actor.emailVerified },
		memberships: memberships.map((r) => ({
			role: r.role,
			cityId: r.cityId,
			cityName: r.cityName
		})),
		welcome: event.url.searchParams.has('welcome'),
		joined: event.url.searchParams.has('joined')
	};
};

export const actions: Actions = {
	resendVerification: async (event) => {
		const actor = requireUser(event);
		if (actor.emailVerified) return { verificationSent: false };
		const result = await auth.sendVerificationEmail(requestContext(event), actor.email);
		if (!result.ok) return invalid({}, { _form: 'error_rate_limited' }, 429);
		return { verificationSent: true };
	}
};
