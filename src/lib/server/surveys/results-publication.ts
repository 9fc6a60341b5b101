// Choosing and publishing a campaign's public questions (survey.manage): apart because it writes, with an audit record, where the rest reads.
import type { Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { allQuestions, localized } from './definition.ts';
import * as queries from './results-queries.ts';
import { findReadable } from './results.ts';

/** What the publish page shows (survey.manage): the questions and which are public. */
export async function publication(actor: Actor | null, slug: string, locale: string) {
	const { found } = await findReadable(actor, slug, true);
	return {
		survey: { slug: found.survey.slug, title: localized(found.survey.title, locale) },
		campaign: {
			slug: found.campaign.slug,
			edition: found.campaign.edition,
			resultsPublishedAt: found.campaign.resultsPublishedAt,
			publicQuestions: found.campaign.publicQuestions
		},
		questions: allQuestions(found.definition).map((q) => ({
			key: q.key,
			type: q.type,
			label: localized(q.label, locale)
		}))
	};
}

/**
 * Publishes the campaign's results with these public questions (keys not in its version are
 * dropped), or takes them off the public pages (`publish` false; the choice of questions is
 * kept for next time).
 */
export async function setPublished(
	actor: Actor | null,
	slug: string,
	{ publish, questions }: { publish: boolean; questions: string[] }
) {
	const { d, found } = await findReadable(actor, slug, true);
	const known = new Set(allQuestions(found.definition).map((q) => q.key));
	const publicQuestions = [...new Set(questions)].filter((k) => known.has(k));
	const before = {
		resultsPublishedAt: found.campaign.resultsPublishedAt,
		publicQuestions: found.campaign.publicQuestions
	};
	const after = {
		resultsPublishedAt: publish ? (found.campaign.resultsPublishedAt ?? new Date()) : null,
		publicQuestions
	};
	await d.transaction(async (tx) => {
		await queries.setPublication(tx, found.campaign.id, after);
		await audit.record(tx, {
			actorUserId: actor!.userId,
			action: publish ? 'survey.results.publish' : 'survey.results.unpublish',
			entityType: 'campaign',
			entityId: found.campaign.id,
			before,
			after
		});
	});
	return { published: publish, publicQuestions };
}
