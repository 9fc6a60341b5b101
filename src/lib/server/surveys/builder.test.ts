import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import * as builder from './builder.ts';
import * as draftOutline from './builder-outline.ts';
import * as translations from './builder-translations.ts';
import { readQuestion, readTranslations, typeForm, type QuestionInput } from './builder-forms.ts';
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

const question = (over: Partial<QuestionInput>): QuestionInput => ({
	type: 'text',
	label: 'A question',
	help: '',
	required: false,
	unit: '',
	options: [],
	rows: [],
	columns: [],
	commitments: [],
	...over
});

describe('the question page', () => {
	it('explains each wrong field and accepts a good question', () => {
		const bad = readQuestion('number', { label: ' ', min: '10', max: 'five' }, [], []);
		expect(bad.ok ? {} : bad.errors).toEqual({
			label: 'sb_error_label_required',
			max: 'sb_error_number_invalid'
		});
		const order = readQuestion('number', { label: 'People', min: '10', max: '2' }, [], []);
		expect(order.ok ? {} : order.errors).toEqual({ max: 'sb_error_min_above_max' });
		const few = readQuestion('single', { label: 'Pick', options: 'Only\n\n' }, [], []);
		expect(few.ok ? {} : few.errors).toEqual({ options: 'sb_error_options_too_few' });
		const table = readQuestion('table', { label: 'T', rows: '2015', columns: '' }, [], []);
		expect(table.ok ? {} : table.errors).toEqual({ columns: 'sb_error_columns_required' });
		const long = readQuestion('text', { label: 'x'.repeat(501) }, [], []);
		expect(long.ok ? {} : long.errors).toEqual({ label: 'sb_error_too_long' });
		const good = readQuestion('number', { label: 'People', min: '0', max: '1 000,5' }, [], []);
		expect(good.ok && [good.input.min, good.input.max]).toEqual([0, 1000.5]);
	});

	it('needs a type chosen first', () => {
		const none = validate(typeForm, {});
		expect(none.ok ? {} : none.errors).toEqual({ type: 'sb_error_type_required' });
		expect(validate(typeForm, { type: 'table' }).ok).toBe(true);
	});

	it('needs one line per option in each translation given', () => {
		const r = readTranslations({ options_fr: 'Oui\nNon\nPeut-être', options_de: 'Ja\nNein' }, [
			{ name: 'options', max: 0, lines: 2 }
		]);
		expect(r.ok ? {} : r.errors).toEqual({ options_fr: 'sb_error_lines_count' });
	});
});

describe.each(engines())('the survey builder on %s', (engine) => {
	useTestDatabase(engine, { demo: true });
	const admin = () => actorByEmail('admin@example.org');

	it('builds, moves, conditions, translates and publishes; the next version copies the keys', async () => {
		const a = await admin();
		const made = await builder.create(a, { title: 'Housing monitor', summary: 'Yearly.' });
		expect(made).toEqual({ ok: true, slug: 'housing-monitor' });
		expect(await builder.create(a, { title: 'Housing  monitor!', summary: '' })).toEqual({
			ok: false,
			errors: { title: 'sb_error_slug_taken' }
		});
		const ref = { slug: 'housing-monitor', number: 1 };
		let rev = 0;
		const s1 = await draftOutline.saveSection(a, ref, rev, null, { title: 'Arrivals', intro: '' });
		expect(s1).toMatchObject({ ok: true, key: 'arrivals', revision: 1 });
		rev = 1;
		// Nothing yet to publish.
		const empty = await builder.publish(a, ref, rev, '');
		expect(empty).toMatchObject({ ok: false, errors: { _form: 'sb_error_no_questions' } });

		const n = await draftOutline.saveQuestion(
			a,
			ref,
			rev++,
			{ section: 'arrivals' },
			question({
				type: 'number',
				label: 'How many people arrived?',
				min: 0,
				max: 100000,
				unit: 'people'
			})
		);
		expect(n).toMatchObject({ ok: true, key: 'how-many-people-arrived' });
		const c = await draftOutline.saveQuestion(
			a,
			ref,
			rev++,
			{ section: 'arrivals' },
			question({
				type: 'single',
				label: 'Do you run a reception centre?',
				options: ['Yes', 'No']
			})
		);
		const choice = c.ok ? c.key : '';
		const f = await draftOutline.saveQuestion(
			a,
			ref,
			rev++,
			{ section: 'arrivals' },
			question({
				label: 'Where is it?'
			})
		);
		const follow = f.ok ? f.key : '';

		// A stale revision is a conflict; nothing is saved.
		expect(
			await draftOutline.saveQuestion(a, ref, 1, { question: follow }, question({ label: 'Lost' }))
		).toMatchObject({ ok: false, conflict: true, errors: { _form: 'sb_error_conflict' } });

		// Show-if on a later question, or with a value the question cannot take, is refused.
		expect(
			await draftOutline.setShowIf(a, ref, rev, choice, { question: follow, values: ['x'] })
		).toMatchObject({ ok: false, errors: { question: 'sb_error_show_if_not_before' } });
		expect(
			await draftOutline.setShowIf(a, ref, rev, follow, { question: choice, values: ['maybe'] })
		).toMatchObject({ ok: false, errors: { values: 'sb_error_show_if_values' } });
		expect(
			await draftOutline.setShowIf(a, ref, rev++, follow, { question: choice, values: ['yes'] })
		).toMatchObject({ ok: true });

		// Moving the condition's question below the follow-up is a problem at publishing.
		await draftOutline.move(a, ref, rev++, { kind: 'question', key: follow, direction: 'up' });
		let v1 = await builder.version(a, ref);
		expect(v1.version.definition.sections[0]!.questions.map((q) => q.key)).toEqual([
			'how-many-people-arrived',
			follow,
			choice
		]);
		const stuck = await builder.publish(a, ref, rev, '');
		expect(stuck).toMatchObject({
			ok: false,
			issues: [{ kind: 'show_if_not_before', question: follow }]
		});
		await draftOutline.move(a, ref, rev++, { kind: 'question', key: follow, direction: 'down' });

		// Rewording an option keeps its key; a French label keeps the English.
		await draftOutline.saveQuestion(
			a,
			ref,
			rev++,
			{ question: choice },
			question({
				type: 'single',
				label: 'Do you run a reception centre?',
				options: ['Yes, we do', 'No']
			})
		);
		const tr = await translations.translateQuestion(a, ref, rev++, choice, {
			label: { fr: 'Gérez-vous un centre d’accueil ?' },
			options: { fr: 'Oui\nNon' }
		});
		expect(tr.ok).toBe(true);
		v1 = await builder.version(a, ref);
		const q = v1.version.definition.sections[0]!.questions.find((x) => x.key === choice)!;
		expect(q.label).toEqual({
			en: 'Do you run a reception centre?',
			fr: 'Gérez-vous un centre d’accueil ?'
		});
		expect(q.options).toEqual([
			{ key: 'yes', label: { en: 'Yes, we do', fr: 'Oui' } },
			{ key: 'no', label: { en: 'No', fr: 'Non' } }
		]);

		expect(await builder.publish(a, ref, rev, '')).toEqual({ ok: true });
		// Published versions never change.
		expect(
			await draftOutline.saveSection(a, ref, rev + 1, 'arrivals', { title: 'Changed', intro: '' })
		).toMatchObject({ ok: false, errors: { _form: 'sb_error_published' } });

		// Version 2 starts as a copy, with the same keys; only one draft at a time.
		expect(await builder.startVersion(a, 'housing-monitor')).toEqual({ ok: true, number: 2 });
		expect(await builder.startVersion(a, 'housing-monitor')).toMatchObject({
			ok: false,
			errors: { _form: 'sb_error_draft_exists' }
		});
		const ref2 = { slug: 'housing-monitor', number: 2 };
		const v2 = await builder.version(a, ref2);
		expect(v2.version.definition).toEqual(v1.version.definition);
		// A published question asked as another type gets a new key.
		const retyped = await draftOutline.saveQuestion(
			a,
			ref2,
			0,
			{ question: choice },
			question({
				type: 'multiple',
				label: 'Which centres do you run?',
				options: ['Reception', 'Transit']
			})
		);
		expect(retyped).toMatchObject({ ok: true, renamed: true, key: 'which-centres-do-you-run' });
		// The follow-up's condition follows the new key, and its old value is now a problem.
		expect(await builder.publish(a, ref2, 1, '')).toMatchObject({
			ok: false,
			errors: { note: 'sb_error_note_required' },
			issues: [{ kind: 'show_if_value', question: follow, value: 'yes' }]
		});
		await draftOutline.deleteQuestion(a, ref2, 1, follow);
		expect(await builder.publish(a, ref2, 2, 'Centres as several choices')).toEqual({ ok: true });
		const overview = await builder.overview(a, 'housing-monitor');
		expect(overview.versions.map((x) => [x.number, x.status, x.note])).toEqual([
			[1, 'published', ''],
			[2, 'published', 'Centres as several choices']
		]);
		const listed = (await builder.list(a)).find((s) => s.slug === 'housing-monitor');
		expect([listed?.latest?.number, listed?.latest?.status, listed?.campaigns]).toEqual([
			2,
			'published',
			0
		]);
	});

	it('keeps section keys, translates sections and the survey, deletes, asks commitments', async () => {
		const a = await admin();
		await builder.create(a, { title: 'Section check', summary: 'About sections' });
		const ref = { slug: 'section-check', number: 1 };
		await draftOutline.saveSection(a, ref, 0, null, { title: 'Reception', intro: 'First' });
		await draftOutline.saveSection(a, ref, 1, null, { title: 'Reception', intro: '' });
		// The same title twice: a second key; renaming keeps the key.
		await draftOutline.saveSection(a, ref, 2, 'reception', { title: 'Welcome', intro: 'First' });
		await translations.translateSection(a, ref, 3, 'reception', {
			title: { ar: 'الاستقبال' },
			intro: { de: 'Zuerst' }
		});
		await translations.translateSurvey(a, 'section-check', {
			title: { pl: 'Sekcje' },
			summary: {}
		});
		await draftOutline.move(a, ref, 4, { kind: 'section', key: 'reception-2', direction: 'up' });
		const commitments = (await builder.version(a, ref)).commitments.map((c) => c.slug);
		expect(commitments.length).toBeGreaterThan(2);
		const asked = await draftOutline.saveQuestion(
			a,
			ref,
			5,
			{ section: 'reception' },
			question({
				type: 'commitments',
				label: 'Where are you?',
				commitments: commitments.slice(0, 2)
			})
		);
		expect(asked).toMatchObject({ ok: true, key: 'where-are-you', revision: 6 });
		await draftOutline.deleteSection(a, ref, 6, 'reception-2');
		const { survey, version } = await builder.version(a, ref);
		expect(survey.title).toEqual({ en: 'Section check', pl: 'Sekcje' });
		expect(version.definition.sections).toEqual([
			{
				key: 'reception',
				title: { en: 'Welcome', ar: 'الاستقبال' },
				intro: { en: 'First', de: 'Zuerst' },
				questions: [
					{
						key: 'where-are-you',
						type: 'commitments',
						label: { en: 'Where are you?' },
						required: false,
						commitments: commitments.slice(0, 2)
					}
				]
			}
		]);
		// A question or section that is not there is not found, never a server error.
		expect(await statusOf(draftOutline.deleteQuestion(a, ref, 7, 'nothing'))).toBe(404);
		expect(
			await statusOf(
				draftOutline.move(a, ref, 7, { kind: 'section', key: 'nothing', direction: 'up' })
			)
		).toBe(404);
	});

	it('lists the seeded surveys with their campaigns; unknown ones are not found', async () => {
		const a = await admin();
		const seeded = (await builder.list(a)).find((s) => s.slug === 'refugee-reception-2015');
		expect(seeded?.campaigns).toBe(1);
		expect(await statusOf(builder.overview(a, 'nothing-here'))).toBe(404);
		expect(await statusOf(builder.version(a, { slug: 'charter-monitoring', number: 9 }))).toBe(404);
		expect(await statusOf(builder.draft(a, { slug: 'charter-monitoring', number: 1 }))).toBe(404);
	});

	it('is for network admins only', async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		expect(await statusOf(builder.list(coordinator))).toBe(403);
		expect(await statusOf(builder.create(coordinator, { title: 'Mine', summary: '' }))).toBe(403);
		expect(await statusOf(builder.startVersion(coordinator, 'charter-monitoring'))).toBe(403);
		expect(await statusOf(builder.list(null))).toBe(401);
	});
});
