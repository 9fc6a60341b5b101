import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import * as cities from '../cities/service.ts';
import { auditLog } from '../audit/schema.ts';
import { assessment } from '../assessments/schema.ts';
import { canReadAssessment } from '../access/index.ts';
import { proposeForm, setUpForm, visitForm } from './forms.ts';
import * as assessments from '../assessments/service.ts';
import * as mentoring from './service.ts';
import { validate } from '../validation.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe('the engagement forms', () => {
	it('explain what is missing or wrong at each field', () => {
		const empty = validate(proposeForm, {});
		expect(empty.ok ? {} : empty.errors).toEqual({
			themeSlug: 'error_engagement_theme_required',
			title: 'error_engagement_title_required',
			otherCityId: 'error_engagement_other_required',
			as: 'error_engagement_role_required'
		});
		const same = validate(setUpForm, {
			themeSlug: 'enhancing-public-perception',
			title: 'T',
			mentorCityId: '00000000-0000-4000-8000-000000000001',
			implementingCityId: '00000000-0000-4000-8000-000000000001',
			periodFrom: '2014-05-01',
			periodTo: '2013-09-01'
		});
		expect(same.ok ? {} : same.errors).toEqual({
			implementingCityId: 'error_engagement_same_city',
			periodTo: 'error_engagement_period_order'
		});
		const order = validate(proposeForm, {
			themeSlug: 'x',
			title: 'T',
			otherCityId: '00000000-0000-4000-8000-000000000001',
			as: 'mentor',
			periodFrom: '2014-05-01',
			periodTo: '2013-09-01'
		});
		expect(order.ok ? {} : order.errors).toEqual({ periodTo: 'error_engagement_period_order' });
		const visit = validate(visitForm, {
			visitedOn: '2013-02-30',
			place: '',
			met: 'x'.repeat(4001)
		});
		expect(visit.ok ? {} : visit.errors).toEqual({
			visitedOn: 'error_engagement_date_invalid',
			place: 'error_visit_place_required',
			met: 'error_visit_text_too_long'
		});
	});
});

describe('engagement periods', () => {
	const propose = (periodFrom: string, periodTo: string) =>
		validate(proposeForm, {
			themeSlug: 'x',
			title: 'T',
			otherCityId: '00000000-0000-4000-8000-000000000001',
			as: 'mentor',
			periodFrom,
			periodTo
		});
	it('are a year, a month or a day, as precise as known, in order', () => {
		expect(propose('2012', '2014').ok).toBe(true);
		expect(propose('2013-09', '2014-05').ok).toBe(true);
		expect(propose('2014-05', '2014').ok).toBe(true);
		expect(propose('2013-09-15', '').ok).toBe(true);
		const wrong = propose('2013-13', '13-09');
		expect(wrong.ok ? {} : wrong.errors).toEqual({
			periodFrom: 'error_engagement_period_invalid',
			periodTo: 'error_engagement_period_invalid'
		});
		const late = propose('2015', '2014-05');
		expect(late.ok ? {} : late.errors).toEqual({ periodTo: 'error_engagement_period_order' });
	});
});

describe.each(engines())('engagements on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });
	const who = (email: string) => actorByEmail(email);
	const cityId = async (slug: string) => (await cities.bySlug(null, slug))!.id;
	const fields = {
		themeSlug: 'enhancing-public-perception',
		title: 'Tampere mentoring Lublin',
		summary: 'Enhancing public perception of migration and diversity.',
		periodFrom: '2012-01-01',
		periodTo: '2014-12-31'
	};

	it('a city proposes, the other accepts; both write its parts; outsiders see nothing', async () => {
		const lublin = await cityId('lublin');
		const tampere = await cityId('tampere');
		const lublinCoordinator = await who('coordinator.lublin@example.org');
		const tampereCoordinator = await who('coordinator.tampere@example.org');
		const contributor = await who('contributor.lublin@example.org');
		const ngo = await who('ngo.lublin@example.org');

		// Lublin asks Tampere to mentor it.
		const e = await mentoring.propose(lublinCoordinator, lublin, {
			...fields,
			otherCityId: tampere,
			as: 'implementing'
		});
		expect([e.status, e.mentorCityId, e.implementingCityId]).toEqual(['proposed', tampere, lublin]);
		// Only Tampere's coordinator answers; a proposal has no public page.
		expect(await statusOf(mentoring.respond(lublinCoordinator, e.id, { accept: true }))).toBe(403);
		expect(await mentoring.publicSummary(null, e.slug)).toBeUndefined();
		const tampereList = await mentoring.listOfCity(tampereCoordinator, tampere);
		expect(
			tampereList.filter((x) => x.id === e.id).map((x) => [x.title, x.role, x.awaitingUs])
		).toEqual([[fields.title, 'mentor', true]]);
		// The seeded one (seed 000) is there too, closed.
		expect(tampereList.find((x) => x.slug === 'tampere-mentoring-lublin')?.status).toBe('closed');
		await mentoring.respond(tampereCoordinator, e.id, { accept: true });

		// Both cities write the parts; a stale save is a conflict with both versions kept.
		const needs = await mentoring.savePart(contributor, e.id, {
			kind: 'needs',
			text: 'Market itself as a hub of international talent and skill',
			revision: 0
		});
		expect(needs).toEqual({ ok: true, revision: 1 });
		const stale = await mentoring.savePart(tampereCoordinator, e.id, {
			kind: 'needs',
			text: 'Something else',
			revision: 0
		});
		expect(stale).toEqual({
			ok: false,
			conflict: { text: 'Market itself as a hub of international talent and skill', revision: 1 }
		});
		await mentoring.savePart(tampereCoordinator, e.id, {
			kind: 'mentor_strengths',
			text: 'RASMUS anti-racist campaign',
			revision: 0
		});
		const visit = await mentoring.addVisit(tampereCoordinator, e.id, {
			visitedOn: null,
			place: 'Lublin',
			visitors: 'Tampere, association work, EUROCITIES',
			met: 'Lublin city office and Nowy Szwajczer Foundation',
			topics: 'History of Lublin and Poland; positive narrative; demographic change'
		});

		const seen = await mentoring.get(contributor, e.id);
		expect(seen.parts.find((p) => p.kind === 'needs')?.text).toMatch(/^Market itself/);
		expect(seen.visits.map((v) => v.place)).toEqual(['Lublin']);
		expect(seen.may).toMatchObject({ edit: true, editPlan: true, setStatus: false });
		const mentorView = await mentoring.get(tampereCoordinator, e.id);
		expect(mentorView.may).toMatchObject({ edit: true, editPlan: false, setStatus: true });
		expect(mentorView.nextStatuses).toEqual(['follow_up', 'closed']);

		// The NGO of Lublin, another city's people and visitors get a 404, never the data.
		expect(await statusOf(mentoring.get(ngo, e.id))).toBe(404);
		expect(await statusOf(mentoring.get(null, e.id))).toBe(401);
		expect(await statusOf(mentoring.get(lublinCoordinator, 'not-a-uuid'))).toBe(404);
		expect(await statusOf(mentoring.removeVisit(ngo, e.id, visit.id))).toBe(404);

		// Accepted: its summary is public, with no link into the workspace for visitors.
		const summary = await mentoring.publicSummary(null, e.slug);
		expect(summary).toMatchObject({
			title: fields.title,
			mentor: { slug: 'tampere' },
			implementing: { slug: 'lublin' },
			workspaceId: null
		});
		expect((await mentoring.publicSummary(contributor, e.slug))?.workspaceId).toBe(e.id);

		// Follow-up, then closed: read only.
		await mentoring.setStatus(tampereCoordinator, e.id, 'follow_up');
		expect(await statusOf(mentoring.setStatus(tampereCoordinator, e.id, 'proposed'))).toBe(400);
		await mentoring.setStatus(lublinCoordinator, e.id, 'closed');
		expect(
			await statusOf(
				mentoring.savePart(contributor, e.id, { kind: 'follow_up', text: 'x', revision: 0 })
			)
		).toBe(403);

		const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, e.id))).map(
			(a) => a.action
		);
		expect(actions).toEqual(
			expect.arrayContaining([
				'engagement.propose',
				'engagement.accept',
				'engagement.part',
				'engagement.status'
			])
		);
	});

	it('a declined proposal keeps its reason; a network admin sets one up active at once', async () => {
		const lublin = await cityId('lublin');
		const tampere = await cityId('tampere');
		const admin = await who('admin@example.org');
		const tampereCoordinator = await who('coordinator.tampere@example.org');
		const lublinCoordinator = await who('coordinator.lublin@example.org');
		const proposal = await mentoring.propose(tampereCoordinator, tampere, {
			...fields,
			title: 'Tampere offers to mentor Lublin again',
			otherCityId: lublin,
			as: 'mentor'
		});
		const declined = await mentoring.respond(lublinCoordinator, proposal.id, {
			accept: false,
			reason: 'Not this year.'
		});
		expect([declined.status, declined.declineReason]).toEqual(['declined', 'Not this year.']);
		expect(
			await statusOf(
				mentoring.setUp(lublinCoordinator, {
					...fields,
					mentorCityId: tampere,
					implementingCityId: lublin
				})
			)
		).toBe(403);
		const set = await mentoring.setUp(admin, {
			...fields,
			mentorCityId: tampere,
			implementingCityId: lublin
		});
		expect(set.status).toBe('active');
		expect(set.slug).not.toBe(proposal.slug);
		// Proposing to oneself, or to a city that does not exist, is refused.
		expect(
			await statusOf(
				mentoring.propose(lublinCoordinator, lublin, {
					...fields,
					otherCityId: lublin,
					as: 'mentor'
				})
			)
		).toBe(400);
		expect(
			await statusOf(
				mentoring.propose(lublinCoordinator, lublin, {
					...fields,
					otherCityId: '00000000-0000-4000-8000-000000000009',
					as: 'mentor'
				})
			)
		).toBe(404);
	});

	it("a mentor city's people read the implementing city's shared assessments, not its drafts", async () => {
		const lublin = await cityId('lublin');
		const tampere = await cityId('tampere');
		const admin = await who('admin@example.org');
		await mentoring.setUp(admin, { ...fields, mentorCityId: tampere, implementingCityId: lublin });
		// The session knows which cities Tampere mentors.
		const tampereCoordinator = await who('coordinator.tampere@example.org');
		expect(tampereCoordinator.mentorOf).toEqual([lublin]);
		const lublinCoordinator = await who('coordinator.lublin@example.org');
		expect(lublinCoordinator.mentorOf).toEqual([]);
		const shared = { cityId: lublin, visibility: 'network', status: 'submitted' } as const;
		expect(canReadAssessment(tampereCoordinator, shared)).toBe(true);
		expect(canReadAssessment(tampereCoordinator, { ...shared, status: 'in_progress' })).toBe(false);
	});

	it("from a city's workspace: only that city's engagements; mentors are told so and read what was shared", async () => {
		const lublin = await cityId('lublin');
		const tampere = await cityId('tampere');
		const other = await cityId('dusseldorf');
		const admin = await who('admin@example.org');
		const e = await mentoring.setUp(admin, {
			...fields,
			mentorCityId: tampere,
			implementingCityId: lublin
		});
		const tampereCoordinator = await who('coordinator.tampere@example.org');
		const lublinCoordinator = await who('coordinator.lublin@example.org');
		// Under another city's id the engagement does not exist.
		expect(await statusOf(mentoring.get(admin, { id: e.id, cityId: other }))).toBe(404);
		expect(
			await statusOf(
				mentoring.addVisit(
					tampereCoordinator,
					{ id: e.id, cityId: other },
					{
						visitedOn: null,
						place: 'Lublin',
						visitors: '',
						met: '',
						topics: ''
					}
				)
			)
		).toBe(404);
		const asMentor = await mentoring.get(tampereCoordinator, { id: e.id, cityId: tampere });
		expect([asMentor.cityRole, asMentor.youMentor]).toEqual(['mentor', true]);
		const asMentee = await mentoring.get(lublinCoordinator, { id: e.id, cityId: lublin });
		expect([asMentee.cityRole, asMentee.youMentor]).toEqual(['implementing', false]);

		// Lublin shared its 2013 cycle with the network and keeps a draft: its mentors see only
		// what it submitted and shared.
		const start = (cycle: string) =>
			assessments.start(lublinCoordinator, lublin, {
				benchmark: 'enhancing-public-perception',
				cycle,
				prefill: false
			});
		const first = await start('2013');
		if (!first.ok) throw new Error('not started');
		await db()
			.update(assessment)
			.set({ status: 'submitted', visibility: 'network', submittedAt: new Date() })
			.where(eq(assessment.id, first.id));
		expect((await start('mentoring draft')).ok).toBe(true);
		const shared = await mentoring.sharedAssessments(tampereCoordinator, {
			id: e.id,
			cityId: tampere
		});
		const own = await assessments.listOfCity(lublinCoordinator, lublin);
		const expected = own.filter((a) => a.status === 'submitted' && a.visibility !== 'private');
		expect(shared.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
		expect(shared.length).toBeGreaterThan(0);
		expect(shared.map((a) => a.cycle)).not.toContain('mentoring draft');
		const report = await mentoring.sharedReport(
			tampereCoordinator,
			{ id: e.id, cityId: tampere },
			shared[0]!.id
		);
		expect(report.report.city?.id).toBe(lublin);
		const draft = own.find((a) => a.cycle === 'mentoring draft')!;
		expect(
			await statusOf(
				mentoring.sharedReport(tampereCoordinator, { id: e.id, cityId: tampere }, draft.id)
			)
		).toBe(404);
		// The implementing city's own people get no such list (it is theirs already).
		expect(
			await mentoring.sharedAssessments(lublinCoordinator, { id: e.id, cityId: lublin })
		).toEqual([]);

		// Network admins list every engagement; cities do not.
		expect((await mentoring.listAll(admin)).map((x) => x.id)).toContain(e.id);
		expect(await statusOf(mentoring.listAll(lublinCoordinator))).toBe(403);
		const choices = await mentoring.proposeChoices(lublinCoordinator, lublin);
		expect(choices.cities.map((c) => c.id)).not.toContain(lublin);
		expect(choices.themes.map((t) => t.slug)).toContain('enhancing-public-perception');
		expect(await statusOf(mentoring.proposeChoices(lublinCoordinator, tampere))).toBe(404);
	});

	it("the seeded engagement's public summary shows Lublin's planned actions and dated results", async () => {
		const summary = await mentoring.publicSummary(null, 'tampere-mentoring-lublin');
		expect(summary?.plan?.actions).toHaveLength(8);
		expect(summary?.plan?.actions[0]).toEqual({
			position: 1,
			title:
				'Appoint a coordinator of work on migrant integration within the marketing and development department of the City',
			status: 'done'
		});
		const dated = summary?.plan?.results.filter((r) => r.happenedOn || r.when);
		expect(dated?.map((r) => [r.happenedOn, r.when, r.action])).toEqual([
			['2014-02-12', null, null],
			[null, 'June–October 2014', 4],
			[null, 'May–June 2014', 6]
		]);
	});
});
