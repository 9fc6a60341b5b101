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
