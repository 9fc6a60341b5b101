// How an engagement's status reads (the same words on every page that shows one).
import { m } from './paraglide/messages.js';

export type EngagementStatus = 'proposed' | 'active' | 'follow_up' | 'closed' | 'declined';

const labels: Record<EngagementStatus, () => string> = {
	proposed: m.engagement_status_proposed,
	active: m.engagement_status_active,
	follow_up: m.engagement_status_follow_up,
	closed: m.engagement_status_closed,
	declined: m.engagement_status_declined
};

export function engagementStatusLabel(status: EngagementStatus): string {
	return labels[status]();
}

export type EngagementPartKind =
	| 'needs'
	| 'mentor_strengths'
	| 'implementing_strengths'
	| 'ambition'
	| 'plan'
	| 'obstacles'
	| 'inspiration'
	| 'follow_up';

const partLabels: Record<EngagementPartKind, () => string> = {
	needs: m.engagement_part_needs,
	mentor_strengths: m.engagement_part_mentor_strengths,
	implementing_strengths: m.engagement_part_implementing_strengths,
	ambition: m.engagement_part_ambition,
	plan: m.engagement_part_plan,
	obstacles: m.engagement_part_obstacles,
	inspiration: m.engagement_part_inspiration,
	follow_up: m.engagement_part_follow_up
};

const partHints: Record<EngagementPartKind, () => string> = {
	needs: m.engagement_part_needs_hint,
	mentor_strengths: m.engagement_part_mentor_strengths_hint,
	implementing_strengths: m.engagement_part_implementing_strengths_hint,
	ambition: m.engagement_part_ambition_hint,
	plan: m.engagement_part_plan_hint,
	obstacles: m.engagement_part_obstacles_hint,
	inspiration: m.engagement_part_inspiration_hint,
	follow_up: m.engagement_part_follow_up_hint
};

/** The heading of a part of an engagement ("The implementing city's needs and challenges"). */
export function engagementPartLabel(kind: EngagementPartKind): string {
	return partLabels[kind]();
}

/** What a part of an engagement holds, said to the person writing it. */
export function engagementPartHint(kind: EngagementPartKind): string {
	return partHints[kind]();
}

const actionStatusLabels: Record<'planned' | 'in_progress' | 'done' | 'dropped', () => string> = {
	planned: m.engagement_action_planned,
	in_progress: m.engagement_action_in_progress,
	done: m.engagement_action_done,
	dropped: m.engagement_action_dropped
};

/** How an action's status reads on the public summary. */
export function engagementActionStatusLabel(
	status: 'planned' | 'in_progress' | 'done' | 'dropped'
): string {
	return actionStatusLabels[status]();
}
