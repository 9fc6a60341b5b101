// The network admin builds a small survey without JavaScript (after a few mistakes): a number
// with its range, a one-choice question and a follow-up shown only after "Yes", a French
// label; publishes it and starts version 2 from it. Two admins editing at once get a conflict.
import { describe, expect, test } from 'vitest';
import { en, title } from './support/messages.ts';
import { useBrowser } from './support/fixtures.ts';
import { demo, demoPassword } from './support/browser.ts';
import { unique } from './support/content.ts';
import { SurveyListPage, SurveyPage, SurveyVersionPage } from './pages/SurveyBuilderPages.ts';

const { signedIn } = useBrowser();

describe('the survey builder', () => {
	test('an admin builds, translates and publishes a survey, then starts version 2', async () => {
		const { page } = await signedIn(demo.admin, demoPassword);
		const list = new SurveyListPage(page);
		expect(await list.goto()).toBe(200);
		const seeded = (await list.rows()).find(
			(r) => r.href === '/admin/surveys/refugee-reception-2015'
		);
		expect(seeded?.campaigns).toBe('1');

		// A survey needs a title; one that is taken is said so.
		await list.create('');
		expect(await list.title()).toBe(
			title(en('error_title_prefix', { title: en('sb_new_survey') }))
		);
		expect(await list.fieldError('title')).toBe(en('sb_error_title_required'));
		const name = `Housing watch ${unique()}`;
		await list.create(name, 'Every year.');
		const slug = name.toLowerCase().replace(/\s+/g, '-');
		const version = new SurveyVersionPage(page);
		expect(version.path).toBe(`/admin/surveys/${slug}/versions/1`);
		await list.create(name.toUpperCase());
		expect(await list.fieldError('title')).toBe(en('sb_error_slug_taken'));
		expect(await list.fieldValue('title')).toBe(name.toUpperCase());

		await version.goto(slug, 1);
		// Nothing to publish yet.
		await version.publish('');
		expect((await version.errorSummaryItems()).map((i) => i.text)).toEqual([
			en('sb_error_no_questions')
		]);
		await version.addSection('Arrivals');
		expect(await version.sectionTitles()).toEqual(['Arrivals']);

		// A type must be chosen; a number with a range the wrong way round, and a word for a
		// number, are explained beside their fields with what was typed kept.
		await version.chooseType('arrivals', null);
		expect(await version.fieldError('type')).toBe(en('sb_error_type_required'));
		await version.chooseType('arrivals', 'number');
		await version.fillQuestion({ label: '', min: '10', max: 'five' });
		await version.saveQuestion();
		expect((await version.errorSummaryItems()).map((i) => i.href)).toEqual(['#label', '#max']);
		expect(await version.fieldError('label')).toBe(en('sb_error_label_required'));
		expect(await version.fieldError('max')).toBe(en('sb_error_number_invalid'));
		expect(await version.fieldValue('min')).toBe('10');
		expect(await version.fieldValue('max')).toBe('five');
		await version.fillQuestion({ label: 'How many people arrived?', max: '2' });
		await version.saveQuestion();
		expect(await version.fieldError('max')).toBe(en('sb_error_min_above_max'));
		expect(await version.fieldValue('label')).toBe('How many people arrived?');
		await version.fillQuestion({ min: '0', max: '100000', unit: 'people', required: true });
		await version.saveQuestion();
		expect(version.path).toBe(`/admin/surveys/${slug}/versions/1`);

		// One choice needs two options.
		await version.chooseType('arrivals', 'single');
		await version.fillQuestion({ label: 'Do you run a reception centre?', options: 'Yes\n\n' });
		await version.saveQuestion();
		expect(await version.fieldError('options')).toBe(en('sb_error_options_too_few'));
		await version.fillQuestion({ options: 'Yes\nNo' });
		await version.saveQuestion();
		await version.chooseType('arrivals', 'text');
		await version.fillQuestion({ label: 'Where is it?' });
		await version.saveQuestion();
		const keys = (await version.questions()).map((q) => q.key);
		expect(keys).toEqual([
			'how-many-people-arrived',
			'do-you-run-a-reception-centre',
			'where-is-it'
		]);

		// The follow-up is shown only after "Yes"; only earlier questions with fixed answers can
		// be its condition (not the number, not itself).
		expect(await version.conditionCandidates('where-is-it')).toEqual([
			'do-you-run-a-reception-centre'
		]);
		expect(await version.conditionCandidates('do-you-run-a-reception-centre')).toEqual([]);
		await version.setCondition('where-is-it', 'do-you-run-a-reception-centre', ['yes']);
		const followUp = (await version.questions()).find((q) => q.key === 'where-is-it');
		expect(followUp?.showIf).toBe(
			en('sb_shown_if', {
				question: '\u2068Do you run a reception centre?\u2069',
				answers: '\u2068Yes\u2069'
			})
		);

		// A French label: the options need one line each.
		await version.translateQuestion('do-you-run-a-reception-centre', {
			label_fr: 'Gérez-vous un centre d’accueil ?',
			options_fr: 'Oui'
		});
		expect(await version.fieldError('options_fr')).toBe(en('sb_error_lines_count'));
		expect(await version.fieldValue('label_fr')).toBe('Gérez-vous un centre d’accueil ?');
		await version.translateQuestion('do-you-run-a-reception-centre', {
			label_fr: 'Gérez-vous un centre d’accueil ?',
			options_fr: 'Oui\nNon'
		});
		expect(version.path).toBe(`/admin/surveys/${slug}/versions/1`);

		// Moving the follow-up above its condition is a problem at publishing, at the question.
		await version.move('where-is-it', 'up');
		await version.publish('');
		const problems = await version.errorSummaryItems();
		expect(problems).toEqual([
			{
				text: en('sb_problem_show_if_not_before', { question: '\u2068Where is it?\u2069' }),
				href: '#q-where-is-it'
			}
		]);
		await version.move('where-is-it', 'down');
		await version.publish('');
		expect(await version.errorSummary().count()).toBe(0);

		const survey = new SurveyPage(page);
		expect(survey.path).toBe(`/admin/surveys/${slug}`);
		expect(await survey.versions()).toEqual([
			{
				number: en('sb_version_number', { number: 1 }),
				status: en('sb_status_published'),
				note: ''
			}
		]);
		expect((await survey.previewLinks()).map((l) => l.href)).toEqual([
			`/admin/surveys/${slug}/versions/1/preview`
		]);
		// The published version reads the same, without anything to change it.
		await version.goto(slug, 1);
		expect((await version.questions()).map((q) => q.key)).toEqual(keys);
		expect(await version.editControls().count()).toBe(0);
		expect(await version.open(`/admin/surveys/${slug}/versions/1/questions/where-is-it`)).toBe(404);

		// Version 2 starts from version 1's questions, keys and all; one draft at a time.
		await survey.goto(slug);
		expect(await survey.startButton().innerText()).toBe(en('sb_start_version', { number: 1 }));
		await survey.startNewVersion();
		expect(version.path).toBe(`/admin/surveys/${slug}/versions/2`);
		expect((await version.questions()).map((q) => q.key)).toEqual(keys);
		await survey.goto(slug);
		expect(await survey.startButton().count()).toBe(0);
		await version.goto(slug, 2);
		await version.publish('');
		expect(await version.fieldError('note')).toBe(en('sb_error_note_required'));
		await version.publish('Nothing new');
		expect((await survey.versions()).map((v) => v.note)).toEqual(['', 'Nothing new']);
		expect(
			(await list.goto(), await list.rows()).find((r) => r.href === `/admin/surveys/${slug}`)
				?.latest
		).toBe(`${en('sb_version_number', { number: 2 })} ${en('sb_status_published')}`);
	});

	test('a stale save is a conflict that keeps what was typed (JavaScript on)', async () => {
		const one = await signedIn(demo.admin, demoPassword, { js: true });
		const list = new SurveyListPage(one.page);
		const name = `Conflict check ${unique()}`;
		await list.create(name);
		const first = new SurveyVersionPage(one.page);
		await first.addSection('Only section');
		await first.chooseType('only-section', 'text');
		await first.fillQuestion({ label: 'First wording' });
		await first.saveQuestion();
		const base = first.base;

		// Two tabs open the same question; the first saves, the second comes too late.
		const other = new SurveyVersionPage(await one.context.newPage());
		await other.open(`${base}/questions/first-wording`);
		await first.editQuestion('first-wording');
		await first.fillQuestion({ label: 'Second wording' });
		await first.saveQuestion();
		await other.page.waitForLoadState('networkidle');
		await other.fillQuestion({ label: 'Third wording' });
		await other.saveQuestion();
		expect((await other.errorSummaryItems()).map((i) => i.text)).toEqual([en('sb_error_conflict')]);
		expect(await other.fieldValue('label')).toBe('Third wording');
		// Saved again, now against the draft as it is.
		await other.saveQuestion();
		expect((await other.questions()).map((q) => q.label)).toEqual(['Third wording']);
	});

	test('is for network admins only; unknown surveys and versions are not found', async () => {
		const { page } = await signedIn(demo.coordinatorLublin, demoPassword);
		const list = new SurveyListPage(page);
		expect(await list.goto()).toBe(403);
		expect(await list.open('/admin/surveys/charter-monitoring/versions/1')).toBe(403);
		const admin = new SurveyVersionPage((await signedIn(demo.admin, demoPassword)).page);
		expect(await admin.open('/admin/surveys/no-such-survey')).toBe(404);
		expect(await admin.open('/admin/surveys/charter-monitoring/versions/99')).toBe(404);
		expect(await admin.open('/admin/surveys/charter-monitoring/versions/x')).toBe(404);
	});
});
