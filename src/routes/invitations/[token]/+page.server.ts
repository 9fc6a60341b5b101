import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import * as auth from '#lib/server/auth/service.ts';
import { acceptInvitationForm } from '#lib/server/cities/forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { applyCookies, requestContext, requireUser, invalid } from '#lib/server/http.ts';

export const load: PageServerLoad = async ({ params, locals }) => {
	const invitation = await cities.invitationByToken(params.token);
	if (!invitation) error(404, 'Not found');
	return {
		invitation,
		signedInAs: locals.actor?.email ?? null
	};
};

export const actions: Actions = {
	create: async (event) => {
		const values = formValues(await event.request.formData());
		const checked = validate(acceptInvitationForm, values);
		if (!checked.ok) return invalid(checked.values, checked.errors);
		const outcome = await cities.acceptAsNewUser(event.params.token, checked.data);
		if (!outcome.ok) {
			return invalid(values, { _form: `error_invitation_${outcome.reason.replace('-', '_')}` });
		}
		const signedIn = await auth.signIn(requestContext(event), {
			email: outcome.email,
			password: checked.data.password
		});
		if (signedIn.ok) applyCookies(event, signedIn.cookies);
		redirect(303, '/account?joined');
	},
	accept: async (event) => {
		const actor = requireUser(event);
		const outcome = await cities.acceptAsActor(actor, event.params.token);
		if (!outcome.ok) {
			return invalid({}, { _form: `error_invitation_${outcome.reason.replace('-', '_')}` });
		}
		redirect(303, '/account?joined');
	}
};
