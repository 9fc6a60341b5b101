import type { Actions, PageServerLoad } from './$types';
import * as auth from '#lib/server/auth/service.ts';
import * as cities from '#lib/server/cities/service.ts';
import * as reminders from '#lib/server/mentoring/reminders.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { requestContext, requireUser, invalid } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const [memberships, actionReminders] = await Promise.all([
		cities.myCities(actor),
		reminders.myActionReminders(actor)
	]);
	return {
		account: { name: actor.name, email: actor.email, emailVerified: actor.emailVerified },
		memberships: memberships.map((r) => ({
			role: r.role,
			cityId: r.cityId,
			cityName: r.cityName
		})),
		actionReminders,
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
	},
	reminders: async (event) => {
		const actor = requireUser(event);
		const result = validate(
			reminders.reminderSettingsSchema,
			formValues(await event.request.formData())
		);
		if (!result.ok) return invalid(result.values, result.errors);
		const on = result.data.actionReminders === 'on';
		await reminders.setMyActionReminders(actor, on);
		return { remindersSaved: on ? ('on' as const) : ('off' as const) };
	}
};
