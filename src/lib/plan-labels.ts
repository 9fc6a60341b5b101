// The words for an action's status, in the reader's language.
import { m } from './paraglide/messages.js';

export function actionStatusLabel(status: string): string {
	switch (status) {
		case 'planned':
			return m.action_status_planned();
		case 'in_progress':
			return m.action_status_in_progress();
		case 'done':
			return m.action_status_done();
		case 'dropped':
			return m.action_status_dropped();
		default:
			return status;
	}
}
