// A plan for spreadsheets: its actions (one row each) and its implementation log (one row per
// entry), as the CSV downloads of the plan pages. Column names are stable English keys so that
// a spreadsheet built on one export reads the next; the content stays as written.
import { toCsvText } from '../csv.ts';
import type { FullPlan } from './plans.ts';

/** What the file is called: the city and the plan's title. */
export function exportName(p: FullPlan, what: 'plan' | 'log'): string {
	return `${p.plan.city?.slug ?? 'city'}-${p.plan.title}-${what}`.slice(0, 100);
}

export function actionsCsv(p: FullPlan): string {
	const rows: string[][] = [
		[
			'position',
			'title',
			'status',
			'dropped_reason',
			'overdue',
			'owner',
			'start_on',
			'due_on',
			'progress_percent',
			'key_factors',
			'questions',
			'description',
			'obstacles',
			'resources',
			'comments',
			'results'
		]
	];
	for (const a of p.actions) {
		const results = p.log
			.filter((e) => e.action?.id === a.id)
			.map((e) => `${e.happenedOn ?? e.when ?? ''}: ${e.text}`.replace(/^: /, ''));
		rows.push([
			String(a.position),
			a.title,
			a.status,
			a.droppedReason ?? '',
			a.overdue ? 'yes' : 'no',
			a.owner ?? '',
			a.startOn ?? '',
			a.dueOn ?? '',
			String(a.progress),
			a.keyFactors.map((k) => (k.number === null ? k.title : `${k.number}. ${k.title}`)).join('; '),
			a.questions.map((q) => q.text).join(' | '),
			a.description,
			a.obstacles,
			a.resources,
			String(a.comments),
			results.join(' | ')
		]);
	}
	return toCsvText(rows);
}

export function logCsv(p: FullPlan): string {
	const rows: string[][] = [
		['happened_on', 'when', 'action_position', 'action', 'text', 'links', 'files']
	];
	const positions = new Map(p.actions.map((a) => [a.id, a.position]));
	for (const e of p.log) {
		rows.push([
			e.happenedOn ?? '',
			e.when ?? '',
			e.action ? String(positions.get(e.action.id) ?? '') : '',
			e.action?.title ?? '',
			e.text,
			e.links.join(' '),
			e.files.map((f) => f.filename).join('; ')
		]);
	}
	return toCsvText(rows);
}
