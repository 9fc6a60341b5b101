import type { PageServerLoad } from './$types';
import * as cities from '#lib/server/cities/service.ts';
import { can } from '#lib/server/access/index.ts';
import { requireUser } from '#lib/server/http.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requireUser(event);
	const cityId = event.params.cityId;
	await cities.workspace(actor, cityId);
	return {
		canSeeAssessments: can(actor, 'assessment.read', { cityId }),
		canAnswerSurveys: can(actor, 'survey.respond', { cityId }),
		canDraftPractices: can(actor, 'practice.draft', { cityId }),
		canSeeEngagements: can(actor, 'engagement.read', { cityId }),
		canSeeMembers: can(actor, 'city.members.read', { cityId }),
		canInvite: can(actor, 'city.members.invite', { cityId }),
		canUpdateFacts: can(actor, 'city.facts.update', { cityId })
	};
};
