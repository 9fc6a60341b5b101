import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { outbox } from '../mail/schema.ts';
import * as cityQueries from '../cities/queries.ts';
import * as surveyQueries from './queries.ts';
import type { SurveyDefinition } from './definition.ts';
import { answerRevision } from './answers.ts';
import * as responses from './responses.ts';
import * as sections from './response-sections.ts';
import * as submission from './response-submission.ts';
import * as responseApi from './response-api.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

const demo = 'charter-monitoring-demo';
const en = 'en';
const label = (text: string) => ({ en: text });
const day = (offset: number) =>
	new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A small survey with one question of most types, to answer, check and submit. */
const definition: SurveyDefinition = {
	sections: [
		{
			key: 'figures',
			title: label('Figures'),
			questions: [
				{
					key: 'arrivals',
					type: 'number',
					label: label('Arrivals'),
					required: true,
					min: 0,
					max: 1_000_000,
					unit: label('people')
				},
				{ key: 'note', type: 'text', label: label('Note'), required: false },
				{
					key: 'grid',
					type: 'table',
					label: label('Grid'),
					required: true,
					rows: [{ key: 'y2025', label: label('2025') }],
					columns: [
						{ key: 'in', label: label('In') },
						{ key: 'out', label: label('Out') }
					]
				}
			]
		},
		{
			key: 'views',
			title: label('Views'),
			questions: [
				{
					key: 'kinds',
					type: 'multiple',
					label: label('Kinds'),
					required: false,
					options: [
						{ key: 'a', label: label('A') },
						{ key: 'b', label: label('B') }
					]
				},
				{ key: 'when', type: 'date', label: label('When'), required: false }
			]
		}
	]
};

async function makeCampaign(slug: string, opts: { closesOn: string; cities: string[] }) {
	const { db } = await import('../db/index.ts');
	const d = await db();
	const survey = await surveyQueries.insertSurvey(d, {
		slug: `${slug}-survey`,
		title: label(`Survey ${slug}`)
	});
	const version = await surveyQueries.insertVersion(d, {
		surveyId: survey.id,
		number: 1,
		status: 'published',
		definition
	});
	const campaign = await surveyQueries.insertCampaign(d, {
		slug,
		surveyId: survey.id,
		versionId: version.id,
		edition: '2026',
		target: 'chosen',
		status: 'sent',
		opensOn: day(-10),
		closesOn: opts.closesOn
	});
	for (const citySlug of opts.cities) {
		const c = await cityQueries.findCityBySlug(d, citySlug);
		await surveyQueries.insertResponse(d, { campaignId: campaign.id, cityId: c!.id });
	}
	return campaign;
}

describe.each(engines())('a city answers a survey on %s', (engine) => {
	const getDb = useTestDatabase(engine, { demo: true });
	const actors = async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const contributor = await actorByEmail('contributor.lublin@example.org');
		const tampere = await actorByEmail('coordinator.tampere@example.org');
		const lublin = coordinator.memberships[0]!.cityId!;
		return { coordinator, contributor, tampere, lublin };
	};

	it('lists the open demo campaign and saves a section as it goes, revealing the example after "yes"', async () => {
		const { coordinator, lublin } = await actors();
		const list = await responses.listForCity(coordinator, lublin);
		expect(list.find((c) => c.slug === demo)).toMatchObject({
			answering: 'open',
			responseStatus: 'not_started'
		});

		const before = await sections.sectionForm(coordinator, lublin, demo, 'policy-makers');
		expect(before.visible).not.toContain('communicate-commitment-example');

		const saved = await sections.saveSection(
			coordinator,
			lublin,
			demo,
			'policy-makers',
			{
				asked: ['communicate-commitment'],
				'answer-communicate-commitment/communicate-commitment': ['yes']
			},
			{ complete: false, locale: en }
		);
		expect(saved).toMatchObject({
			ok: true,
			revealed: ['communicate-commitment-example'],
			unknownQuestion: false
		});

		const after = await sections.sectionForm(coordinator, lublin, demo, 'policy-makers');
		expect(after.visible).toContain('communicate-commitment-example');
		expect(after.answers['communicate-commitment']).toEqual([
			{ cell: 'communicate-commitment', number: null, text: 'yes' }
		]);
		const overview = await responses.overview(coordinator, lublin, demo);
		expect(overview.sections[0]).toMatchObject({ key: 'policy-makers', status: 'in_progress' });
		expect(overview.sections[1]).toMatchObject({ status: 'not_started' });
	});

	it('keeps what validates, refuses the rest with a message, ignores a question the survey does not have', async () => {
		const { coordinator, lublin } = await actors();
		await makeCampaign('bad-input', { closesOn: day(10), cities: ['lublin'] });
		const outcome = await sections.saveSection(
			coordinator,
			lublin,
			'bad-input',
			'figures',
			{
				'answer-arrivals': ['about 300'],
				'answer-note': ['Kept'],
				'answer-grid/y2025/in': ['12,5'],
				'answer-grid/y2025/out': ['lots'],
				'answer-gone-question': ['an old answer']
			},
			{ complete: false, locale: en }
		);
		expect(outcome.ok).toBe(false);
		if (outcome.ok || outcome.reason !== 'invalid') throw new Error('expected invalid');
		expect(outcome.errors['answer-arrivals']).toBe('sr_error_number');
		expect(outcome.errors['answer-grid/y2025/out']).toBe(
			'sr_error_cell|{"cell":"2025 – Out","reason":"@sr_error_number"}'
		);
		expect(outcome.unknownQuestion).toBe(true);
		const form = await sections.sectionForm(coordinator, lublin, 'bad-input', 'figures');
		expect(form.answers.note).toEqual([{ cell: '', number: null, text: 'Kept' }]);
		// The table's good cell is not saved while another cell of the same answer is wrong.
		expect(form.answers.grid).toEqual([]);
		expect(form.answers.arrivals).toEqual([]);

		const range = await sections.saveSection(
			coordinator,
			lublin,
			'bad-input',
			'figures',
			{ 'answer-arrivals': ['-4'] },
			{ complete: false, locale: en }
		);
		expect(range).toMatchObject({
			ok: false,
			errors: { 'answer-arrivals': 'sr_error_number_between|{"min":"0","max":"1000000"}' }
		});
		const date = await sections.saveSection(
			coordinator,
			lublin,
			'bad-input',
			'views',
			{ 'answer-when': ['2015-02-30'], 'answer-kinds': ['zzz'] },
			{ complete: false, locale: en }
		);
		expect(date).toMatchObject({
			ok: false,
			errors: { 'answer-when': 'sr_error_date', 'answer-kinds': 'sr_error_choice' }
		});
		const long = await sections.saveSection(
			coordinator,
			lublin,
			'bad-input',
			'figures',
			{ 'answer-note': ['x'.repeat(1001)] },
			{ complete: false, locale: en }
		);
		expect(long).toMatchObject({
			ok: false,
			errors: { 'answer-note': 'sr_error_text_too_long|{"max":"1000","count":"1001"}' }
		});
		// Still what was saved before.
		expect(
			(await sections.sectionForm(coordinator, lublin, 'bad-input', 'figures')).answers.note
		).toEqual([{ cell: '', number: null, text: 'Kept' }]);
		expect(
			await statusOf(sections.sectionForm(coordinator, lublin, 'bad-input', 'no-such-section'))
		).toBe(404);
	});

	it('does not overwrite an answer a colleague saved since the page was loaded', async () => {
		const { coordinator, contributor, lublin } = await actors();
		await makeCampaign('stale', { closesOn: day(10), cities: ['lublin'] });
		const loaded = await sections.sectionForm(coordinator, lublin, 'stale', 'figures');
		expect(loaded.revisions.note).toBe(answerRevision([]));
		await sections.saveSection(
			contributor,
			lublin,
			'stale',
			'figures',
			{ 'answer-note': ['Theirs'], 'revision-note': [loaded.revisions.note!] },
			{ complete: false, locale: en }
		);
		const mine = await sections.saveSection(
			coordinator,
			lublin,
			'stale',
			'figures',
			{ 'answer-note': ['Mine'], 'revision-note': [loaded.revisions.note!] },
			{ complete: false, locale: en }
		);
		expect(mine).toMatchObject({ ok: false, reason: 'invalid', conflicts: ['note'] });
		expect(
			(await sections.sectionForm(coordinator, lublin, 'stale', 'figures')).answers.note
		).toEqual([{ cell: '', number: null, text: 'Theirs' }]);
	});

	it('the coordinator hands a section to a contributor, who is mailed; a contributor cannot hand or submit', async () => {
		const { coordinator, contributor, lublin } = await actors();
		expect(
			await sections.assignSection(
				coordinator,
				lublin,
				demo,
				'employers',
				contributor.userId,
				'http://test'
			)
		).toEqual({ ok: true });
		const view = await responses.overview(coordinator, lublin, demo);
		expect(view.sections.find((s) => s.key === 'employers')).toMatchObject({
			assigneeId: contributor.userId,
			assigneeName: contributor.name
		});
		const mails = await getDb()
			.select()
			.from(outbox)
			.where(and(eq(outbox.to, contributor.email), eq(outbox.purpose, 'survey-section')));
		expect(mails).toHaveLength(1);
		expect(mails[0]!.text).toContain(`http://test/workspace/${lublin}/surveys/${demo}/employers`);
		// Someone who is not of the city cannot be chosen.
		const tampere = await actorByEmail('coordinator.tampere@example.org');
		expect(
			await sections.assignSection(coordinator, lublin, demo, 'employers', tampere.userId)
		).toEqual({ ok: false, error: 'sr_error_assignee' });
		expect(await sections.assignSection(coordinator, lublin, demo, 'employers', null)).toEqual({
			ok: true
		});
		expect(
			(await responses.overview(coordinator, lublin, demo)).sections.find(
				(s) => s.key === 'employers'
			)?.assigneeId
		).toBeNull();

		expect(
			await statusOf(
				sections.assignSection(contributor, lublin, demo, 'employers', contributor.userId)
			)
		).toBe(404);
		expect(await statusOf(submission.submit(contributor, lublin, demo, en))).toBe(404);
		// The contributor answers all the same.
		expect(await statusOf(sections.sectionForm(contributor, lublin, demo, 'employers'))).toBe('ok');
	});

	it('another city, an admin and a visitor learn nothing: 404 (401 without a session)', async () => {
		const { tampere, lublin } = await actors();
		const admin = await actorByEmail('admin@example.org');
		expect(await statusOf(responses.overview(tampere, lublin, demo))).toBe(404);
		expect(
			await statusOf(
				sections.saveSection(
					tampere,
					lublin,
					demo,
					'policy-makers',
					{},
					{ complete: false, locale: en }
				)
			)
		).toBe(404);
		expect(await statusOf(responses.listForCity(admin, lublin))).toBe(404);
		expect(await statusOf(responses.overview(null, lublin, demo))).toBe(401);
		expect(await statusOf(responseApi.responsesOfCity(tampere, 'lublin'))).toBe(404);
		expect(await statusOf(responseApi.responsesOfCity(tampere, 'no-such-city'))).toBe(404);
	});

	it('refuses to submit with required questions missing, naming each; marks a section completed only when it validates', async () => {
		const { coordinator, lublin } = await actors();
		await makeCampaign('to-submit', { closesOn: day(5), cities: ['lublin'] });
		const missing = await submission.submit(coordinator, lublin, 'to-submit', en);
		expect(missing.ok).toBe(false);
		if (missing.ok || missing.reason !== 'missing') throw new Error('expected missing');
		expect(missing.missing.map((x) => x.question.key)).toEqual(['arrivals', 'grid']);

		const half = await sections.saveSection(
			coordinator,
			lublin,
			'to-submit',
			'figures',
			{ 'answer-arrivals': ['1 200'], 'answer-grid/y2025/in': ['3'] },
			{ complete: true, locale: en }
		);
		expect(half).toMatchObject({
			ok: false,
			errors: {
				_form: 'sr_error_not_complete',
				'answer-grid': 'sr_error_table_cells|{"cells":"2025 – Out"}'
			}
		});
		expect((await responses.overview(coordinator, lublin, 'to-submit')).sections[0]!.status).toBe(
			'in_progress'
		);

		const done = await sections.saveSection(
			coordinator,
			lublin,
			'to-submit',
			'figures',
			{
				'answer-arrivals': ['1 200'],
				'answer-grid/y2025/in': ['3'],
				'answer-grid/y2025/out': ['4.5']
			},
			{ complete: true, locale: en }
		);
		expect(done).toMatchObject({ ok: true, completed: true });
		expect((await responses.overview(coordinator, lublin, 'to-submit')).sections[0]!.status).toBe(
			'completed'
		);

		expect(await submission.submit(coordinator, lublin, 'to-submit', en)).toEqual({ ok: true });
		expect((await responses.overview(coordinator, lublin, 'to-submit')).answering).toBe(
			'submitted'
		);
		// Read-only once submitted.
		expect(
			await sections.saveSection(
				coordinator,
				lublin,
				'to-submit',
				'figures',
				{ 'answer-note': ['late'] },
				{ complete: false, locale: en }
			)
		).toEqual({ ok: false, reason: 'submitted' });
		expect(await submission.submit(coordinator, lublin, 'to-submit', en)).toEqual({
			ok: false,
			reason: 'submitted'
		});

		// The API shows the city its own answers, keyed by question.
		const api = await responseApi.responsesOfCity(coordinator, 'lublin');
		expect(api.responses.find((r) => r.campaign === 'to-submit')).toMatchObject({
			status: 'submitted',
			answers: { arrivals: 1200, grid: { 'y2025/in': 3, 'y2025/out': 4.5 } }
		});

		// Asking the network to reopen: a reason is needed.
		expect(await submission.requestReopen(coordinator, lublin, 'to-submit', '  ')).toEqual({
			ok: false,
			error: 'sr_error_reopen_reason'
		});
		expect(
			await submission.requestReopen(coordinator, lublin, 'to-submit', 'The arrivals were 1 300.')
		).toEqual({ ok: true });
		const view = await responses.overview(coordinator, lublin, 'to-submit');
		expect(view.campaign.reopenReason).toBe('The arrivals were 1 300.');
		expect(view.campaign.reopenRequestedAt).toBeInstanceOf(Date);
		expect(await submission.requestReopen(coordinator, lublin, demo, 'Not submitted yet')).toEqual({
			ok: false,
			error: 'sr_error_not_submitted'
		});
	});

	it('refuses to submit after the closing date, keeping the answers', async () => {
		const { coordinator, lublin } = await actors();
		await makeCampaign('closed-yesterday', { closesOn: day(-1), cities: ['lublin'] });
		expect(await submission.submit(coordinator, lublin, 'closed-yesterday', en)).toEqual({
			ok: false,
			reason: 'closed',
			closesOn: day(-1)
		});
		expect(
			await sections.saveSection(
				coordinator,
				lublin,
				'closed-yesterday',
				'figures',
				{ 'answer-note': ['x'] },
				{ complete: false, locale: en }
			)
		).toEqual({ ok: false, reason: 'closed' });
		expect(
			(await responses.listForCity(coordinator, lublin)).find((c) => c.slug === 'closed-yesterday')
				?.answering
		).toBe('closed');
	});
});
