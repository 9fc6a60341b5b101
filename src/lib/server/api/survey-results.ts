// Survey results as the API gives them: a campaign's rate, figures per question and the table
// by city (published questions for everyone; every question for network admins).
import type { CampaignResults } from '../surveys/results.ts';

export function toCampaignResults(r: CampaignResults) {
	return {
		survey: { slug: r.survey.slug, title: r.survey.title },
		campaign: {
			slug: r.campaign.slug,
			edition: r.campaign.edition,
			status: r.campaign.status,
			published: r.campaign.resultsPublishedAt !== null,
			reportedNote: r.campaign.reportedNote,
			source: r.campaign.source
		},
		href: r.campaign.resultsPublishedAt ? `/surveys/${r.campaign.slug}` : null,
		rate: r.rate,
		sections: r.sections.map((s) => ({
			key: s.key,
			title: s.title,
			questions: s.questions.map((q) => ({
				key: q.key,
				type: q.type,
				label: q.label,
				unit: q.unit,
				answered: q.answered,
				numbers: q.numbers,
				distribution: q.distribution,
				commitments: q.commitments
			}))
		})),
		columns: r.columns.map((c) => ({ question: c.key, cell: c.cell, label: c.label })),
		cities: r.cities.map((c) => ({ slug: c.slug, name: c.name, values: c.values })),
		citiesComplete: !r.citiesCut
	};
}

/** Private when it holds what only admins see: everything of an unpublished campaign too. */
export const resultsVisibility = (r: ReturnType<typeof toCampaignResults>, admin: boolean) =>
	admin ? ('private' as const) : ('public' as const);
