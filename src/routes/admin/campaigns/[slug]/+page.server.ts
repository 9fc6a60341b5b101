import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as campaigns from '#lib/server/surveys/campaigns.ts';
import * as drafts from '#lib/server/surveys/campaign-drafts.ts';
import * as sending from '#lib/server/surveys/campaign-sending.ts';
import { closingForm, declineForm, responseForm } from '#lib/server/surveys/campaign-forms.ts';
import { formValues, isUuid, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	return {
		view: await campaigns.get(actor, event.params.slug),
		done: event.url.searchParams.get('done'),
		city: event.url.searchParams.get('city')
	};
};

const back = (slug: string, done: string, city = '') =>
	`/admin/campaigns/${slug}?done=${done}${city ? `&city=${encodeURIComponent(city)}` : ''}`;

export const actions: Actions = {
	copy: async (event) => {
		const actor = requireUser(event);
		const done = await drafts.copy(actor, event.params.slug);
		if (!done.ok) return invalid({}, done.errors);
		redirect(303, `/admin/campaigns/${done.slug}?done=copied`);
	},
	closing: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(closingForm, values);
		if (!checked.ok) return invalid(values, checked.errors);
		const done = await sending.changeClosing(actor, event.params.slug, checked.data.closesOn);
		if (!done.ok) return invalid(values, done.errors);
		redirect(303, back(event.params.slug, 'closing'));
	},
	close: async (event) => {
		const actor = requireUser(event);
		const done = await sending.closeEarly(actor, event.params.slug);
		if (!done.ok) return invalid({}, done.errors);
		redirect(303, back(event.params.slug, 'closed'));
	},
	reopen: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		const checked = validate(responseForm, values);
		if (!checked.ok) return invalid(values, { _form: 'campaign_error_not_found' });
		const done = await sending.reopen(actor, event.params.slug, checked.data.responseId);
		if (!done.ok) return invalid(values, done.errors);
		redirect(303, back(event.params.slug, 'reopened', done.cityName));
	},
	decline: async (event) => {
		const actor = requireUser(event);
		const values = formValues(await event.request.formData());
		// Each request has its own reason box, named after its response.
		const reason = values[`reason-${values.responseId}`] ?? '';
		const checked = validate(declineForm, { ...values, reason });
		if (!checked.ok) {
			if (!checked.errors.reason || !isUuid(values.responseId)) {
				return invalid(values, { _form: 'campaign_error_not_found' });
			}
			return invalid(values, { [`reason-${values.responseId}`]: checked.errors.reason });
		}
		const done = await sending.declineReopen(actor, event.params.slug, checked.data);
		if (!done.ok) return invalid(values, done.errors);
		redirect(303, back(event.params.slug, 'declined', done.cityName));
	}
};
