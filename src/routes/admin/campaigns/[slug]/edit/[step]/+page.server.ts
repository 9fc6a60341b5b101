import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { locales } from '#lib/paraglide/runtime.js';
import * as campaigns from '#lib/server/surveys/campaigns.ts';
import * as drafts from '#lib/server/surveys/campaign-drafts.ts';
import {
	datesForm,
	messageForm,
	remindersForm,
	steps,
	surveyForm,
	targetForm,
	type Step
} from '#lib/server/surveys/campaign-forms.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';
import type { Localized } from '#lib/server/surveys/definition.ts';

function stepOf(value: string): Step {
	if (!(steps as readonly string[]).includes(value)) error(404, 'Not found');
	return value as Step;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const step = stepOf(event.params.step);
	const view = await campaigns.get(actor, event.params.slug);
	// A sent campaign's topics are settled: its page says what can still change.
	if (view.campaign.status !== 'draft') redirect(303, `/admin/campaigns/${view.campaign.slug}`);
	return {
		step,
		view,
		surveys: step === 'survey' ? await campaigns.surveyChoices(actor) : [],
		cities: step === 'target' ? await campaigns.cityChoices(actor) : []
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const step = stepOf(event.params.step);
		const slug = event.params.slug;
		const formData = await event.request.formData();
		const values = formValues(formData);
		const next = (to = slug) => redirect(303, `/admin/campaigns/${to}`);
		switch (step) {
			case 'survey': {
				const checked = validate(surveyForm, values);
				if (!checked.ok) return invalid(values, checked.errors);
				const done = await drafts.saveSurvey(actor, slug, checked.data);
				if (!done.ok) return invalid(values, done.errors);
				return next(done.slug);
			}
			case 'target': {
				const cityIds = formData.getAll('cityId').filter((x): x is string => typeof x === 'string');
				const checked = validate(targetForm, values);
				if (!checked.ok) return fail(400, { values, cityIds, errors: checked.errors });
				const done = await drafts.saveTarget(actor, slug, { ...checked.data, cityIds });
				if (!done.ok) return fail(400, { values, cityIds, errors: done.errors });
				return next();
			}
			case 'dates': {
				const checked = validate(datesForm, values);
				if (!checked.ok) return invalid(values, checked.errors);
				const done = await drafts.saveDates(actor, slug, checked.data);
				if (!done.ok) return invalid(values, done.errors);
				return next();
			}
			case 'reminders': {
				const checked = validate(remindersForm, values);
				if (!checked.ok) return invalid(values, checked.errors);
				const done = await drafts.saveReminders(actor, slug, checked.data);
				if (!done.ok) return invalid(values, done.errors);
				return next();
			}
			case 'message': {
				const checked = validate(messageForm, values);
				if (!checked.ok) return invalid(values, checked.errors);
				const message: Localized = { en: checked.data.message_en };
				for (const l of locales) {
					const text = checked.data[`message_${l}`];
					if (l !== 'en' && text) message[l] = text;
				}
				const done = await drafts.saveMessage(actor, slug, message);
				if (!done.ok) return invalid(values, done.errors);
				return next();
			}
		}
	}
};
