import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { minimalPdf } from '../testing/files.ts';
import { DiskStorage } from '../storage/disk.ts';
import { useStorage } from '../storage/index.ts';
import * as cities from '../cities/service.ts';
import * as assessments from '../assessments/service.ts';
import { formValues, validate } from '../validation.ts';
import * as mentoring from './service.ts';
import { actionForm, logForm } from './plan-forms.ts';
import * as plans from './plans.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

const blank = {
	description: '',
	ownerUserId: null,
	ownerName: '',
	startOn: null,
	dueOn: null,
	status: 'planned' as const,
	droppedReason: '',
	progress: 0,
	obstacles: '',
	resources: ''
};

describe('the action forms', () => {
	it('explain each problem and keep what was typed', () => {
		const form = new FormData();
		form.set('title', '');
		form.set('description', 'Kept as typed');
		form.set('startOn', '2014-05-01');
		form.set('dueOn', '2014-04-01');
		form.set('status', 'dropped');
		form.set('progress', '101');
		const checked = validate(actionForm, formValues(form));
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		// Every problem at once, the whole-form ones too.
		expect(checked.errors).toEqual({
			title: 'error_action_title_required',
			progress: 'error_action_progress_invalid',
			dueOn: 'error_action_due_before_start',
			droppedReason: 'error_action_reason_required'
		});
		expect(checked.values.description).toBe('Kept as typed');
	});
	it('want a day or a "when", and web links only, in a log entry', () => {
		const checked = validate(logForm, { text: 'x', links: 'javascript:alert(1)' });
		expect(checked.ok ? {} : checked.errors).toEqual({
			links: 'error_log_links_invalid',
			happenedOn: 'error_log_when_required'
		});
		const noDay = validate(logForm, { text: 'x', links: 'https://example.org' });
		expect(noDay.ok ? {} : noDay.errors).toEqual({ happenedOn: 'error_log_when_required' });
		const ok = validate(logForm, { text: 'x', when: 'May–June 2014', links: 'https://a.eu\n' });
		expect(ok.ok && ok.data.links).toEqual(['https://a.eu']);
	});
});

describe.each(engines())('action plans on %s', (engine) => {
	useTestDatabase(engine, { demo: true });
	const dir = mkdtempSync(join(tmpdir(), 'ic-plans-'));
	beforeAll(() => useStorage(new DiskStorage(dir)));
	afterAll(() => {
		useStorage(undefined);
		rmSync(dir, { recursive: true, force: true });
	});
	const who = (email: string) => actorByEmail(email);
	const cityId = async (slug: string) => (await cities.bySlug(null, slug))!.id;

	it("a city's own plan: its people edit, stakeholders read, other cities see nothing", async () => {
		const lublin = await cityId('lublin');
		const tampere = await cityId('tampere');
		const coordinator = await who('coordinator.lublin@example.org');
		const contributor = await who('contributor.lublin@example.org');
		const ngo = await who('ngo.lublin@example.org');
		const stranger = await who('coordinator.tampere@example.org');

		expect(plans.mayCreate(ngo, lublin)).toBe(false);
		expect(await statusOf(plans.create(ngo, lublin, { title: 'x' }))).toBe(404);
		const plan = await plans.create(coordinator, lublin, { title: 'Lublin for all' });
		const added = await plans.addAction(contributor, lublin, plan.id, {
			...blank,
			title: 'Migrant representative body',
			dueOn: '2014-02-12'
		});
		expect(added.ok).toBe(true);

		const seen = await plans.get(ngo, lublin, plan.id);
		expect(seen.actions.map((a) => a.title)).toEqual(['Migrant representative body']);
		expect(seen.may).toEqual({ edit: false, comment: false, suggest: false });
		expect(await statusOf(plans.addAction(ngo, lublin, plan.id, { ...blank, title: 'x' }))).toBe(
			403
		);
		// Another city, through its own address or Lublin's: not found.
		expect(await statusOf(plans.get(stranger, tampere, plan.id))).toBe(404);
		expect(await statusOf(plans.get(stranger, lublin, plan.id))).toBe(404);
		expect(await statusOf(plans.fullPlan(stranger, plan.id))).toBe(404);
		expect((await plans.listOfCity(stranger, tampere)).map((p) => p.id)).not.toContain(plan.id);
		expect((await plans.listOfCity(ngo, lublin)).map((p) => p.title)).toContain('Lublin for all');

		// An action id of another plan is not found under this one.
		const other = await plans.create(coordinator, lublin, { title: 'Another plan' });
		const id = added.ok ? added.id : '';
		expect(await statusOf(plans.getAction(coordinator, lublin, other.id, id))).toBe(404);
		expect(await statusOf(plans.getAction(coordinator, lublin, plan.id, id))).toBe('ok');
	});

	it('keeps the order, marks overdue actions, and refuses a save over a newer one', async () => {
		const lublin = await cityId('lublin');
		const me = await who('coordinator.lublin@example.org');
		const colleague = await who('contributor.lublin@example.org');
		const plan = await plans.create(me, lublin, { title: 'Order' });
		const ids: string[] = [];
		for (const [title, dueOn, status] of [
			['First', '2000-01-01', 'planned'],
			['Second', '2000-01-01', 'done'],
			['Third', '2999-01-01', 'in_progress']
		] as const) {
			const r = await plans.addAction(me, lublin, plan.id, { ...blank, title, dueOn, status });
			if (r.ok) ids.push(r.id);
		}
		await plans.moveAction(me, lublin, plan.id, { actionId: ids[2]!, direction: 'up' });
		await plans.moveAction(me, lublin, plan.id, { actionId: ids[0]!, direction: 'up' });
		const seen = await plans.get(me, lublin, plan.id);
		expect(seen.actions.map((a) => [a.title, a.overdue])).toEqual([
			['First', true],
			['Third', false],
			['Second', false]
		]);

		const first = seen.actions[0]!;
		const mine = await plans.updateAction(me, lublin, plan.id, first.id, {
			...blank,
			title: 'First, renamed',
			revision: first.revision
		});
		expect(mine).toEqual({ ok: true, revision: first.revision + 1 });
		const theirs = await plans.updateAction(colleague, lublin, plan.id, first.id, {
			...blank,
			title: 'First, their way',
			revision: first.revision
		});
		expect('conflict' in theirs && theirs.conflict.title).toBe('First, renamed');
		const dropped = await plans.updateAction(me, lublin, plan.id, first.id, {
			...blank,
			title: 'First',
			status: 'dropped',
			droppedReason: 'The council decided otherwise',
			revision: first.revision + 1
		});
		expect(dropped.ok).toBe(true);
		const after = await plans.getAction(me, lublin, plan.id, first.id);
		expect([after.action.status, after.action.droppedReason, after.action.overdue]).toEqual([
			'dropped',
			'The council decided otherwise',
			false
		]);
		const badOwner = await plans.updateAction(me, lublin, plan.id, first.id, {
			...blank,
			title: 'First',
			ownerUserId: 'no-such-user',
			revision: first.revision + 2
		});
		expect(badOwner).toEqual({ ok: false, errors: { ownerUserId: 'error_action_owner_invalid' } });
	});

	it("an engagement's plan: the implementing city edits, the mentor comments and suggests", async () => {
		const lublin = await cityId('lublin');
		const tampere = await cityId('tampere');
		const admin = await who('admin@example.org');
		const lublinCoordinator = await who('coordinator.lublin@example.org');
		const tampereCoordinator = await who('coordinator.tampere@example.org');
		const ngo = await who('ngo.lublin@example.org');
		const e = await mentoring.setUp(admin, {
			themeSlug: 'enhancing-public-perception',
			title: 'Tampere and Lublin, again',
			summary: '',
			periodFrom: null,
			periodTo: null,
			mentorCityId: tampere,
			implementingCityId: lublin
		});
		// The mentor opening it first finds nothing yet; the implementing city makes it.
		expect(await plans.openForEngagement(tampereCoordinator, tampere, e.id)).toBeNull();
		expect(await statusOf(plans.openForEngagement(ngo, lublin, e.id))).toBe(404);
		const planId = (await plans.openForEngagement(lublinCoordinator, lublin, e.id))!;
		expect(await plans.openForEngagement(tampereCoordinator, tampere, e.id)).toBe(planId);

		const fromTampere = await plans.get(tampereCoordinator, tampere, planId);
		expect(fromTampere.plan.title).toBe('Tampere and Lublin, again');
		expect(fromTampere.may).toEqual({ edit: false, comment: true, suggest: true });
		expect(
			await statusOf(plans.addAction(tampereCoordinator, tampere, planId, { ...blank, title: 'x' }))
		).toBe(403);
		expect(await statusOf(plans.get(ngo, lublin, planId))).toBe(404);

		const added = await plans.addAction(lublinCoordinator, lublin, planId, {
			...blank,
			title: 'Anti-rumour campaign'
		});
		const actionId = added.ok ? added.id : '';
		await plans.addComment(tampereCoordinator, tampere, planId, actionId, {
			body: 'Try the anti-rumour agents of Barcelona.',
			suggestion: true
		});
		await plans.addComment(lublinCoordinator, lublin, planId, actionId, {
			body: 'We will.',
			suggestion: true
		});
		const thread = await plans.getAction(lublinCoordinator, lublin, planId, actionId);
		expect(thread.comments.map((c) => [c.city?.name, c.isSuggestion, c.authorName])).toEqual([
			['Tampere', true, tampereCoordinator.name],
			['Lublin', false, lublinCoordinator.name]
		]);
		expect((await plans.fullPlan(tampereCoordinator, planId)).actions[0]!.comments).toBe(2);
		expect((await plans.listOfCity(tampereCoordinator, tampere)).map((p) => p.role)).toContain(
			'mentor'
		);

		// Closed: everyone still reads it, nobody writes.
		await mentoring.setStatus(admin, e.id, 'closed');
		expect(
			await statusOf(plans.addAction(lublinCoordinator, lublin, planId, { ...blank, title: 'x' }))
		).toBe(403);
		expect(
			await statusOf(
				plans.addComment(tampereCoordinator, tampere, planId, actionId, {
					body: 'x',
					suggestion: false
				})
			)
		).toBe(403);
		expect((await plans.get(tampereCoordinator, tampere, planId)).may.comment).toBe(false);
	});

	it('makes an action in one step from a line of an assessment report', async () => {
		const lublin = await cityId('lublin');
		const me = await who('contributor.lublin@example.org');
		const coordinator = await who('coordinator.lublin@example.org');
		const stranger = await who('coordinator.tampere@example.org');
		const started = await assessments.start(coordinator, lublin, {
			benchmark: 'enhancing-public-perception',
			cycle: 'plans-2026',
			prefill: false
		});
		if (!started.ok) throw new Error(started.error);
		const view = await assessments.get(me, started.id);
		const k = view.keyFactors[1]!;
		const q = k.guideQuestions[0]!;
		const choices = await plans.reportPlanChoices(me, lublin);
		expect(choices.may).toBe(true);
		expect(choices.plans.length).toBeGreaterThan(1);
		expect(
			await statusOf(
				plans.addFromReport(me, lublin, started.id, {
					keyFactor: k.slug,
					questionId: q.id,
					planId: null,
					newPlanTitle: 'Action plan'
				})
			)
		).toBe(400);
		const planId = choices.plans[0]!.id;
		const made = await plans.addFromReport(me, lublin, started.id, {
			keyFactor: k.slug,
			questionId: q.id,
			planId,
			newPlanTitle: 'Action plan'
		});
		expect(made.planId).toBe(planId);
		const seen = await plans.getAction(me, lublin, planId, made.actionId);
		expect(seen.action.title).toBe(q.text);
		expect(seen.action.keyFactors.map((x) => x.slug)).toEqual([k.slug]);
		expect(seen.action.questions).toEqual([{ questionId: q.id, text: q.text }]);
		expect(seen.action.fromAssessmentId).toBe(started.id);

		expect((await plans.reportPlanChoices(stranger, lublin)).may).toBe(false);
		expect(
			await statusOf(
				plans.addFromReport(stranger, lublin, started.id, {
					keyFactor: k.slug,
					questionId: q.id,
					planId,
					newPlanTitle: 'x'
				})
			)
		).toBe(404);
	});

	it('keeps log entries with links and files, served to readers only', async () => {
		const lublin = await cityId('lublin');
		const tampere = await cityId('tampere');
		const me = await who('coordinator.lublin@example.org');
		const ngo = await who('ngo.lublin@example.org');
		const stranger = await who('coordinator.tampere@example.org');
		const plan = await plans.create(me, lublin, { title: 'With a log' });
		const pdf = new File([new Uint8Array(minimalPdf())], 'minutes.pdf', {
			type: 'application/pdf'
		});
		const refused = await plans.addLogEntry(
			me,
			lublin,
			plan.id,
			{ happenedOn: '2014-02-12', when: '', text: 'x', links: [], actionId: null },
			[new File(['<html>'], 'page.pdf')]
		);
		expect(refused).toEqual({ ok: false, errors: { files: 'attachment_type' } });
		const added = await plans.addLogEntry(
			me,
			lublin,
			plan.id,
			{
				happenedOn: '2014-02-12',
				when: '',
				text: 'Migrant representative body: first meeting',
				links: ['https://lublin.eu'],
				actionId: null
			},
			[pdf]
		);
		expect(added.ok).toBe(true);
		await plans.addLogEntry(
			me,
			lublin,
			plan.id,
			{ happenedOn: null, when: 'May–June 2014', text: 'Workshops', links: [], actionId: null },
			[]
		);
		expect(
			await statusOf(
				plans.addLogEntry(
					ngo,
					lublin,
					plan.id,
					{ happenedOn: null, when: 'x', text: 'x', links: [], actionId: null },
					[]
				)
			)
		).toBe(403);
		const log = await plans.planLog(ngo, lublin, plan.id);
		expect(log.log.map((e) => [e.text, e.when, e.files.map((f) => f.filename)])).toEqual([
			['Migrant representative body: first meeting', null, ['minutes.pdf']],
			['Workshops', 'May–June 2014', []]
		]);
		const fileId = log.log[0]!.files[0]!.id;
		const file = await plans.downloadLogFile(ngo, lublin, plan.id, fileId);
		expect(file.headers['content-type']).toBe('application/pdf');
		expect(await statusOf(plans.downloadLogFile(stranger, tampere, plan.id, fileId))).toBe(404);
		expect((await plans.fullPlan(me, plan.id)).log).toHaveLength(2);
	});
});
