// The words for respondents' groups, in the reader's language.
import { m } from './paraglide/messages.js';

export type RespondentGroup = 'city_staff' | 'partner_organisation' | 'migrant';

export const respondentGroups: readonly RespondentGroup[] = [
	'city_staff',
	'partner_organisation',
	'migrant'
];

export function groupLabel(group: RespondentGroup): string {
	switch (group) {
		case 'city_staff':
			return m.group_city_staff();
		case 'partner_organisation':
			return m.group_partner_organisation();
		case 'migrant':
			return m.group_migrant();
	}
}

export function groupHint(group: RespondentGroup): string {
	switch (group) {
		case 'city_staff':
			return m.group_city_staff_hint();
		case 'partner_organisation':
			return m.group_partner_organisation_hint();
		case 'migrant':
			return m.group_migrant_hint();
	}
}
