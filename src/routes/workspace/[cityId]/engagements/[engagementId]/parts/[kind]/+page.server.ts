import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as mentoring from '#lib/server/mentoring/service.ts';
import { partForm } from '#lib/server/mentoring/forms.ts';
import { engagementPartKinds } from '#lib/server/mentoring/schema.ts';
import { formValues, validate } from '#lib/server/validation.ts';
import { invalid, requireUser } from '#lib/server/http.ts';

type Kind = (typeof engagementPartKinds)[number];

function kindOf(value: string): Kind {
	if (!(engagementPartKinds as readonly string[]).includes(value)) error(404, 'Not found');
	return value as Kind;
}

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const kind = kindOf(event.params.kind);
	const e = await mentoring.get(actor, {
		id: event.params.engagementId,
		cityId: event.params.cityId
	});
	if (!e.may.edit) error(403, 'You do not have access to this.');
	const part = e.parts.find((p) => p.kind === kind)!;
	return { engagement: { id: e.id, title: e.title }, kind, part };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireUser(event);
		const { cityId, engagementId } = event.params;
		const kind = kindOf(event.params.kind);
		const values: Record<string, string> = {
			...formValues(await event.request.formData()),
			kind
		};
		const checked = validate(partForm, values);
		if (!checked.ok) return invalid(values, checked.errors);
		const outcome = await mentoring.savePart(actor, { id: engagementId, cityId }, checked.data);
		if (!outcome.ok) {
			// Someone saved first: both texts stay on the page; the form now stands at their
			// revision, so that sending it again replaces theirs knowingly.
			const kept: Record<string, string> = {
				...values,
				revision: String(outcome.conflict.revision)
			};
			const errors: Record<string, string> = { text: 'error_engagement_part_conflict' };
			return fail(409, {
				values: kept,
				errors,
				conflict: outcome.conflict.text
			});
		}
		redirect(303, `/workspace/${cityId}/engagements/${engagementId}?saved=1#part-${kind}`);
	}
};
