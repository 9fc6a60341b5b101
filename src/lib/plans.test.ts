import { describe, expect, it } from 'vitest';
import { isOverdue, todayIso } from './plans.ts';

describe('overdue actions', () => {
	const today = '2014-03-01';
	it('are past their due day and still planned or in progress', () => {
		expect(isOverdue({ dueOn: '2014-02-28', status: 'planned' }, today)).toBe(true);
		expect(isOverdue({ dueOn: '2014-02-28', status: 'in_progress' }, today)).toBe(true);
	});
	it('are not due today, finished, dropped or without a due day', () => {
		expect(isOverdue({ dueOn: '2014-03-01', status: 'planned' }, today)).toBe(false);
		expect(isOverdue({ dueOn: '2014-02-28', status: 'done' }, today)).toBe(false);
		expect(isOverdue({ dueOn: '2014-02-28', status: 'dropped' }, today)).toBe(false);
		expect(isOverdue({ dueOn: null, status: 'planned' }, today)).toBe(false);
	});
	it('count days in UTC', () => {
		expect(todayIso(new Date('2014-02-12T23:30:00Z'))).toBe('2014-02-12');
	});
});
