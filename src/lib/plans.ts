// What the server and the pages share about actions: when one is overdue, and today's date.

/** Today as yyyy-mm-dd, in UTC (the dates of a plan are days, with no time zone). */
export function todayIso(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

/** Overdue: its due day has passed and it is neither done nor dropped. */
export function isOverdue(
	a: { dueOn: string | null; status: string },
	today: string = todayIso()
): boolean {
	return (
		a.dueOn !== null && a.dueOn < today && (a.status === 'planned' || a.status === 'in_progress')
	);
}
