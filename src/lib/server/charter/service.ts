// The Integrating Cities Charter: its commitments by role and the cities that signed it.
import { db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as queries from './queries.ts';

export async function getCharter(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	const d = await db();
	const [document, roles, commitments, signatories, counts] = await Promise.all([
		queries.findDocument(d),
		queries.listRoles(d),
		queries.listCommitments(d),
		queries.listSignatories(d),
		queries.listCounts(d)
	]);
	return {
		title: document?.title ?? '',
		subtitle: document?.subtitle ?? '',
		launched: document?.launched ?? null,
		intro: document?.intro ?? '',
		about: document?.about ?? '',
		preambleExcerpt: document?.preambleExcerpt ?? '',
		source: document?.source ?? null,
		roles: roles.map((r) => ({
			slug: r.slug,
			title: r.title,
			lead: r.lead,
			commitments: commitments
				.filter((c) => c.roleId === r.id)
				.map((c) => ({ slug: c.slug, text: c.text }))
		})),
		signatories: signatories.map((s) => ({
			city: { slug: s.citySlug, name: s.cityName, country: s.country },
			signedOn: s.signedOn,
			place: s.place,
			signedBy: s.signedBy,
			eventStart: s.eventStart,
			eventEnd: s.eventEnd
		})),
		counts: counts.map((c) => ({ count: c.count, asOf: c.asOf, quote: c.quote, source: c.source }))
	};
}

export async function signatoryOfCity(actor: Actor | null, cityId: string) {
	requireAccess(actor, 'content.read');
	return (await queries.findSignatoryOfCity(await db(), cityId)) ?? null;
}
