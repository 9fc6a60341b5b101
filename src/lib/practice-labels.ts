import { m } from './paraglide/messages.js';

export type PracticeStatus = 'draft' | 'submitted' | 'published' | 'returned' | 'rejected';

export function practiceStatusLabel(status: PracticeStatus): string {
	switch (status) {
		case 'draft':
			return m.practice_status_draft();
		case 'submitted':
			return m.practice_status_submitted();
		case 'published':
			return m.practice_status_published();
		case 'returned':
			return m.practice_status_returned();
		case 'rejected':
			return m.practice_status_rejected();
	}
}
