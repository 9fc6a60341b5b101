// Why a city is suggested as like another one (cities/similar.ts), in the reader's language:
// the same words for possible mentors and for a report's inspiration.
import { m } from './paraglide/messages.js';

export interface LikenessFlags {
	population: boolean;
	migrantShare: boolean;
	country: boolean;
}

/** E.g. "similar size, same country"; empty when the cities are alike in nothing. */
export function likenessLabel(l: LikenessFlags): string {
	return [
		l.population ? m.mentor_same_population() : null,
		l.migrantShare ? m.mentor_same_share() : null,
		l.country ? m.mentor_same_country() : null
	]
		.filter(Boolean)
		.join(', ');
}
