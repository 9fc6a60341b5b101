import type { PageServerLoad } from './$types';
import * as auth from '#lib/server/auth/service.ts';
import { requestContext } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const token = event.url.searchParams.get('token');
	if (!token || token.length > 4000) return { verified: false };
	const result = await auth.verifyEmail(requestContext(event), token);
	return { verified: result.ok };
};
