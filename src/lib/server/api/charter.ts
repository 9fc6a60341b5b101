// The Charter as the API gives it: the service's shape, with nothing internal in it.
import type * as charter from '../charter/service.ts';

type Charter = Awaited<ReturnType<typeof charter.getCharter>>;

export function toCharter(c: Charter) {
	return {
		title: c.title,
		subtitle: c.subtitle,
		launched: c.launched,
		intro: c.intro,
		about: c.about,
		preambleExcerpt: c.preambleExcerpt,
		source: c.source,
		roles: c.roles.map((r) => ({
			slug: r.slug,
			title: r.title,
			lead: r.lead,
			commitments: r.commitments.map((m) => ({ slug: m.slug, text: m.text }))
		})),
		signatories: c.signatories.map((s) => ({
			city: { slug: s.city.slug, name: s.city.name, country: s.city.country },
			signedOn: s.signedOn,
			place: s.place,
			signedBy: s.signedBy,
			eventStart: s.eventStart,
			eventEnd: s.eventEnd
		})),
		counts: c.counts.map((n) => ({
			count: n.count,
			asOf: n.asOf,
			quote: n.quote,
			source: n.source
		}))
	};
}
