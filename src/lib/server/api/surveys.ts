// Surveys and campaigns as the API gives them (see openapi/surveys.ts).
import type * as surveys from '../surveys/public.ts';

type SurveyRow = Awaited<ReturnType<typeof surveys.listSurveys>>[number];
type SurveyFull = NonNullable<Awaited<ReturnType<typeof surveys.getSurvey>>>;
type CampaignRow = Awaited<ReturnType<typeof surveys.listCampaigns>>[number];

export function toSurveySummary(s: SurveyRow) {
	return {
		slug: s.slug,
		title: s.title,
		summary: s.summary,
		version: s.versionNumber,
		href: `/api/v1/surveys/${s.slug}`
	};
}

export function toSurvey({ survey, version }: SurveyFull) {
	return {
		slug: survey.slug,
		title: survey.title,
		summary: survey.summary,
		version: version.number,
		publishedAt: version.publishedAt?.toISOString() ?? null,
		sections: version.definition.sections
	};
}

export function toCampaign(c: CampaignRow) {
	return {
		slug: c.slug,
		survey: { slug: c.surveySlug, title: c.surveyTitle },
		version: c.version,
		edition: c.edition,
		target: c.target,
		opensOn: c.opensOn,
		closesOn: c.closesOn,
		// Drafts never reach the API, so a campaign here is scheduled, open or closed.
		status: c.state as 'scheduled' | 'open' | 'closed',
		targets: c.targets,
		submitted: c.submitted
	};
}
