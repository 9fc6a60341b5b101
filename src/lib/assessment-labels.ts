// The words for an assessment's states and answers, in the reader's language. The scale's
// words (scale_*) are those of the public /method page, so both always say the same.
import { m } from './paraglide/messages.js';

export type TaskStatus = 'not_started' | 'in_progress' | 'completed';
export type AssessmentStatus = 'in_progress' | 'submitted';
export type Visibility = 'private' | 'network' | 'public';
export type ContextLimit = 'not_at_all' | 'somewhat' | 'strongly';

export const visibilities: readonly Visibility[] = ['private', 'network', 'public'];
export const contextLimits: readonly ContextLimit[] = ['not_at_all', 'somewhat', 'strongly'];

export function taskStatusLabel(status: TaskStatus): string {
	switch (status) {
		case 'not_started':
			return m.assessment_task_not_started();
		case 'in_progress':
			return m.assessment_task_in_progress();
		case 'completed':
			return m.assessment_task_completed();
	}
}

export function assessmentStatusLabel(status: AssessmentStatus): string {
	return status === 'submitted'
		? m.assessment_status_submitted()
		: m.assessment_status_in_progress();
}

export function visibilityLabel(visibility: Visibility): string {
	switch (visibility) {
		case 'private':
			return m.assessment_visibility_private();
		case 'network':
			return m.assessment_visibility_network();
		case 'public':
			return m.assessment_visibility_public();
	}
}

export function limitLabel(limit: ContextLimit | null): string {
	switch (limit) {
		case 'not_at_all':
			return m.assessment_limit_not_at_all();
		case 'somewhat':
			return m.assessment_limit_somewhat();
		case 'strongly':
			return m.assessment_limit_strongly();
		default:
			return m.scale_unanswered();
	}
}

const ratingLabels = [
	m.scale_rating_0,
	m.scale_rating_1,
	m.scale_rating_2,
	m.scale_rating_3,
	m.scale_rating_4
];
const ratingMeanings = [
	m.scale_rating_0_meaning,
	m.scale_rating_1_meaning,
	m.scale_rating_2_meaning,
	m.scale_rating_3_meaning,
	m.scale_rating_4_meaning
];

/** The answers a guide question offers, as the form posts them: the five levels, then the others. */
export function responseOptions() {
	return {
		levels: ratingLabels.map((label, i) => ({
			value: String(i),
			label: label(),
			meaning: ratingMeanings[i]!()
		})),
		others: [
			{ value: 'dont_know', label: m.scale_dont_know(), meaning: m.scale_dont_know_meaning() },
			{
				value: 'not_applicable',
				label: m.scale_not_applicable(),
				meaning: m.scale_not_applicable_meaning()
			}
		]
	};
}

/** The form value of a stored answer: '0'…'4', 'dont_know', 'not_applicable', or '' (none). */
export function responseValue(kind: string | null, rating: number | null): string {
	if (kind === 'rated') return rating === null ? '' : String(rating);
	return kind ?? '';
}

/** The words for a form value of an answer ("Partly in place", "Don't know", "Not answered"). */
export function responseLabel(value: string | null | undefined): string {
	if (value && /^[0-4]$/.test(value)) return ratingLabels[Number(value)]!();
	if (value === 'dont_know') return m.scale_dont_know();
	if (value === 'not_applicable') return m.scale_not_applicable();
	return m.scale_unanswered();
}
