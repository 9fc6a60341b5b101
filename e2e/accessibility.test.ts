// axe-core on every page, as the person who would see it, on a phone (360 px) and on a
// desktop (1280 px), in English and in Arabic (right to left); forms also with their errors
// showing. At 360 px no page may scroll sideways.
import { assert, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { useBrowser } from './support/fixtures.ts';
import { clickAndWait, demo, demoPassword, desktop, phone } from './support/browser.ts';
import { axeViolations, formatViolations, horizontalOverflow } from './support/axe.ts';
import { benchmark, unique } from './support/content.ts';
import { BasePage } from './pages/BasePage.ts';
import { AdminCitiesPage, NewCityPage } from './pages/AdminPages.ts';
import { AdminSignatoriesPage, SignatureFormPage } from './pages/SignatoryPages.ts';
import { SurveyListPage, SurveyVersionPage } from './pages/SurveyBuilderPages.ts';
import { InvitePage } from './pages/InvitePage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { NewAssessmentPage, assessmentIdOf } from './pages/AssessmentPages.ts';
import { RespondentsPage } from './pages/RespondentPages.ts';
import { PracticeFormPage, WorkspacePracticePage } from './pages/PracticePages.ts';
import { EngagementPage, ProposeEngagementPage } from './pages/EngagementPages.ts';
import { CampaignPage, CampaignStepPage, CampaignSurveyPage } from './pages/CampaignPages.ts';
import {
	ActionFormPage,
	ActionPage,
	LogEntryPage,
	PlanListPage,
	PlanPage
} from './pages/PlanPages.ts';

const { context, signedIn } = useBrowser();

type Who = 'anonymous' | 'admin' | 'coordinator' | 'stakeholder' | 'tampere';

interface Check {
	name: string;
	who: Who;
	path: () => string;
	status?: number;
	/** Brings the page into the state to check, e.g. a form sent empty. */
	then?: (page: BasePage) => Promise<void>;
}

const known = {
	lublinId: '',
	tampereId: '',
	invitation: '',
	mail: '',
	assessment: '',
	respond: '',
	practice: '',
	submittedPractice: '',
	engagement: '',
	plan: '',
	action: '',
	signature: '',
	survey: '',
	campaignDraft: ''
};

/** Sends the page's main form as it is (empty), so that its errors show. */
const submitEmpty = async (page: BasePage) => {
	await clickAndWait(page.page, page.page.locator('main form button[type="submit"]').last());
	// With JavaScript on, a field's autosave may still be answering when the page comes back.
	await page.errorSummary().first().waitFor({ state: 'visible', timeout: 10_000 });
	expect(await page.errorSummary().count(), 'the form shows its errors').toBe(1);
};

const bm = `/toolkits/${benchmark.slug}`;
const assessment = (rest = '') =>
	`/workspace/${known.lublinId}/assessments/${known.assessment}${rest}`;

const engagement = (rest = '', cityId = known.lublinId) =>
	`/workspace/${cityId}/engagements/${known.engagement}${rest}`;
const plan = (rest = '') => `/workspace/${known.lublinId}/plans/${known.plan}${rest}`;
const action = (rest = '') => plan(`/actions/${known.action}${rest}`);
const surveyDraft = (rest = '') => `/admin/surveys/${known.survey}/versions/1${rest}`;
const campaign = (rest = '') => `/admin/campaigns/${known.campaignDraft}${rest}`;
const survey = (rest = '') =>
	`/workspace/${known.tampereId}/surveys/charter-monitoring-demo${rest}`;

const checks: Check[] = [
	// Public pages, anonymous.
	{ name: 'home', who: 'anonymous', path: () => '/' },
	{ name: 'toolkits', who: 'anonymous', path: () => '/toolkits' },
	{ name: 'benchmark', who: 'anonymous', path: () => bm },
	{ name: 'key factor', who: 'anonymous', path: () => `${bm}/${benchmark.keyFactors[0]!.slug}` },
	{
		name: 'last key factor',
		who: 'anonymous',
		path: () => `${bm}/${benchmark.keyFactors[10]!.slug}`
	},
	{ name: 'charter', who: 'anonymous', path: () => '/charter' },
	{ name: 'survey results', who: 'anonymous', path: () => '/surveys' },
	{
		name: 'survey results, 2015',
		who: 'anonymous',
		path: () => '/surveys/refugee-reception-2015'
	},
	{ name: 'cities', who: 'anonymous', path: () => '/cities' },
	{ name: 'cities map, score', who: 'anonymous', path: () => '/cities?colour=score' },
	{ name: 'cities map, practices', who: 'anonymous', path: () => '/cities?colour=practices' },
	{ name: 'city', who: 'anonymous', path: () => '/cities/lublin' },
	{ name: 'sign in', who: 'anonymous', path: () => '/sign-in' },
	{ name: 'sign in, errors', who: 'anonymous', path: () => '/sign-in', then: submitEmpty },
	{ name: 'sign up', who: 'anonymous', path: () => '/sign-up' },
	{ name: 'sign up, errors', who: 'anonymous', path: () => '/sign-up', then: submitEmpty },
	{ name: 'forgot password', who: 'anonymous', path: () => '/account/forgot-password' },
	{
		name: 'forgot password, errors',
		who: 'anonymous',
		path: () => '/account/forgot-password',
		then: submitEmpty
	},
	{ name: 'reset password', who: 'anonymous', path: () => '/account/reset-password?token=x' },
	{
		name: 'reset password, errors',
		who: 'anonymous',
		path: () => '/account/reset-password?token=x',
		then: submitEmpty
	},
	{ name: 'reset password, no token', who: 'anonymous', path: () => '/account/reset-password' },
	{ name: 'verify email, bad link', who: 'anonymous', path: () => '/account/verify-email?token=x' },
	{ name: 'invitation', who: 'anonymous', path: () => known.invitation },
	{
		name: 'invitation, errors',
		who: 'anonymous',
		path: () => known.invitation,
		then: async (page) => {
			await page.page.locator('main #name').fill('');
			await submitEmpty(page);
		}
	},
	{ name: 'language', who: 'anonymous', path: () => '/language' },
	{ name: 'not found', who: 'anonymous', path: () => '/no-such-page', status: 404 },
	{
		name: 'not found, signed in',
		who: 'coordinator',
		path: () => `/workspace/${known.tampereId}`,
		status: 404
	},
	{ name: 'forbidden', who: 'coordinator', path: () => '/admin', status: 403 },
	// Signed in.
	{ name: 'account', who: 'stakeholder', path: () => '/account' },
	{
		name: 'workspace (stakeholder)',
		who: 'stakeholder',
		path: () => `/workspace/${known.lublinId}`
	},
	{ name: 'account', who: 'coordinator', path: () => '/account' },
	{ name: 'workspace', who: 'coordinator', path: () => `/workspace/${known.lublinId}` },
	{ name: 'members', who: 'coordinator', path: () => `/workspace/${known.lublinId}/members` },
	{ name: 'invite', who: 'coordinator', path: () => `/workspace/${known.lublinId}/members/invite` },
	{
		name: 'invite, errors',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/members/invite`,
		then: submitEmpty
	},
	{ name: 'city figures', who: 'coordinator', path: () => `/workspace/${known.lublinId}/facts` },
	{
		name: 'city figures, errors',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/facts`,
		then: async (page) => {
			await page.page.locator('main #year').fill('1850');
			await submitEmpty(page);
		}
	},
	{ name: 'city with figures', who: 'anonymous', path: () => '/cities/dusseldorf' },
	{ name: 'sign out', who: 'coordinator', path: () => '/sign-out' },
	{ name: 'account', who: 'admin', path: () => '/account' },
	{ name: 'admin', who: 'admin', path: () => '/admin' },
	{
		name: 'campaign results (admin)',
		who: 'admin',
		path: () => '/admin/campaigns/refugee-reception-2015/results'
	},
	{
		name: 'campaign results, demo campaign (admin)',
		who: 'admin',
		path: () => '/admin/campaigns/charter-monitoring-demo/results'
	},
	{
		name: 'campaign report',
		who: 'admin',
		path: () => '/admin/campaigns/refugee-reception-2015/report'
	},
	{
		name: 'publish results',
		who: 'admin',
		path: () => '/admin/campaigns/refugee-reception-2015/publish'
	},
	{
		name: 'survey trend',
		who: 'admin',
		path: () => '/admin/surveys/refugee-reception-2015/trend'
	},
	{ name: 'workspaces (every city)', who: 'admin', path: () => '/workspace' },
	{ name: 'admin cities', who: 'admin', path: () => '/admin/cities' },
	{ name: 'new city', who: 'admin', path: () => '/admin/cities/new' },
	{ name: 'new city, errors', who: 'admin', path: () => '/admin/cities/new', then: submitEmpty },
	{ name: 'outbox', who: 'admin', path: () => '/admin/outbox' },
	{ name: 'outbox mail', who: 'admin', path: () => known.mail },
	{ name: 'audit', who: 'admin', path: () => '/admin/audit' },
	{ name: 'charter signatories (admin)', who: 'admin', path: () => '/admin/charter' },
	{ name: 'record a signature', who: 'admin', path: () => '/admin/charter/new' },
	{
		name: 'record a signature, errors',
		who: 'admin',
		path: () => '/admin/charter/new',
		then: submitEmpty
	},
	{ name: 'edit a signature', who: 'admin', path: () => known.signature },
	{
		name: 'edit a signature, errors',
		who: 'admin',
		path: () => known.signature,
		then: async (page) => {
			await page.page.locator('main #signedOn').fill('2999-01-01');
			await submitEmpty(page);
		}
	},
	{
		name: 'invite (admin)',
		who: 'admin',
		path: () => `/workspace/${known.tampereId}/members/invite`
	},
	// Self-assessments: Lublin's is in progress (made in beforeAll); Tampere has none, so its
	// "start an assessment" shows the form.
	{
		name: 'assessments',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/assessments`
	},
	{
		name: 'start an assessment (one in progress)',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/assessments/new`
	},
	{
		name: 'start an assessment',
		who: 'tampere',
		path: () => `/workspace/${known.tampereId}/assessments/new`
	},
	{
		name: 'start an assessment, errors',
		who: 'tampere',
		path: () => `/workspace/${known.tampereId}/assessments/new`,
		then: submitEmpty
	},
	{ name: 'assessment task list', who: 'coordinator', path: () => assessment() },
	{
		name: 'assessment key factor',
		who: 'coordinator',
		path: () => assessment(`/key-factors/${benchmark.keyFactors[0]!.slug}`)
	},
	{
		name: 'assessment key factor, errors',
		who: 'coordinator',
		path: () => assessment(`/key-factors/${benchmark.keyFactors[0]!.slug}`),
		then: async (page) => {
			await page.page.locator('main textarea[name^="links-"]').first().fill('javascript:alert(1)');
			await submitEmpty(page);
		}
	},
	{ name: 'assessment context', who: 'coordinator', path: () => assessment('/context') },
	{
		name: 'assessment context, errors',
		who: 'coordinator',
		path: () => assessment('/context'),
		then: async (page) => {
			const why = page.page.locator('main textarea[name^="why-"]').first();
			await why.evaluate((el) => el.removeAttribute('maxlength'));
			await why.fill('x'.repeat(2001));
			await submitEmpty(page);
		}
	},
	{ name: 'assessment check answers', who: 'coordinator', path: () => assessment('/check') },
	{ name: 'assessment respondents', who: 'coordinator', path: () => assessment('/respondents') },
	{
		name: 'assessment respondents, errors',
		who: 'coordinator',
		path: () => assessment('/respondents'),
		then: submitEmpty
	},
	// A respondent's own questionnaire, through the link in their mail (no account).
	{ name: 'respondent task list', who: 'anonymous', path: () => known.respond },
	{
		name: 'respondent key factor',
		who: 'anonymous',
		path: () => `${known.respond}/${benchmark.keyFactors[0]!.slug}`
	},
	{
		name: 'respondent key factor, errors',
		who: 'anonymous',
		path: () => `${known.respond}/${benchmark.keyFactors[0]!.slug}`,
		then: async (page) => {
			await page.page.locator('main textarea[name^="links-"]').first().fill('javascript:alert(1)');
			await submitEmpty(page);
		}
	},
	{ name: 'assessment report', who: 'coordinator', path: () => assessment('/report') },
	{ name: 'published assessments of a city', who: 'anonymous', path: () => '/cities/lublin' },
	{ name: 'scoring method', who: 'anonymous', path: () => '/method' },
	// The practice library: a city's draft, one waiting for review, the public library.
	{ name: 'practices', who: 'coordinator', path: () => `/workspace/${known.lublinId}/practices` },
	{
		name: 'new practice',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/practices/new`
	},
	{
		name: 'new practice, errors',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/practices/new`,
		then: submitEmpty
	},
	{
		name: 'practice (workspace)',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/practices/${known.practice}`
	},
	{
		name: 'edit practice',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/practices/${known.practice}/edit`
	},
	{ name: 'practices to review', who: 'admin', path: () => '/admin/practices' },
	{
		name: 'practice review',
		who: 'admin',
		path: () => `/admin/practices/${known.submittedPractice}`
	},
	{
		name: 'practice review, errors',
		who: 'admin',
		path: () => `/admin/practices/${known.submittedPractice}`,
		then: submitEmpty
	},
	{
		name: 'mentoring engagement, public summary',
		who: 'anonymous',
		path: () => '/engagements/tampere-mentoring-lublin'
	},
	{ name: 'practice library', who: 'anonymous', path: () => '/practices' },
	{
		name: 'practice library, searched with facets',
		who: 'anonymous',
		path: () => '/practices?q=language&country=FI&theme=introductory-and-language-courses'
	},
	{
		name: 'practice library, errors',
		who: 'anonymous',
		path: () => `/practices?q=${'x'.repeat(201)}`
	},
	{
		name: 'practice',
		who: 'anonymous',
		path: () => '/practices/genoa-diversity-in-heritage-and-history'
	},
	// Mentoring engagements: Lublin's proposal to Tampere (made in beforeAll), as each city sees it.
	{
		name: 'engagements',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/engagements`
	},
	{
		name: 'propose an engagement',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/engagements/new`
	},
	{
		name: 'propose an engagement, errors',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/engagements/new`,
		then: submitEmpty
	},
	{ name: 'engagement', who: 'coordinator', path: () => engagement() },
	{ name: 'engagement, to answer', who: 'tampere', path: () => engagement('', known.tampereId) },
	{
		name: 'decline an engagement',
		who: 'tampere',
		path: () => engagement('/decline', known.tampereId)
	},
	{
		name: 'decline an engagement, errors',
		who: 'tampere',
		path: () => engagement('/decline', known.tampereId),
		then: submitEmpty
	},
	{ name: 'engagement part', who: 'coordinator', path: () => engagement('/parts/needs') },
	{
		name: 'engagement part, errors',
		who: 'coordinator',
		path: () => engagement('/parts/needs'),
		then: async (page) => {
			const text = page.page.locator('main #text');
			await text.evaluate((el) => el.removeAttribute('maxlength'));
			await text.fill('x'.repeat(20_001));
			await submitEmpty(page);
		}
	},
	{ name: 'add a visit', who: 'coordinator', path: () => engagement('/visits/new') },
	{
		name: 'add a visit, errors',
		who: 'coordinator',
		path: () => engagement('/visits/new'),
		then: submitEmpty
	},
	{ name: 'engagements (admin)', who: 'admin', path: () => '/admin/engagements' },
	{ name: 'set up an engagement', who: 'admin', path: () => '/admin/engagements/new' },
	{
		name: 'set up an engagement, errors',
		who: 'admin',
		path: () => '/admin/engagements/new',
		then: submitEmpty
	},
	// Action plans: Lublin's own, with one overdue action (made in beforeAll).
	{ name: 'action plans', who: 'coordinator', path: () => `/workspace/${known.lublinId}/plans` },
	{
		name: 'action plans, errors',
		who: 'coordinator',
		path: () => `/workspace/${known.lublinId}/plans`,
		then: submitEmpty
	},
	{ name: 'action plan', who: 'coordinator', path: () => plan() },
	{ name: 'action plan (stakeholder)', who: 'stakeholder', path: () => plan() },
	{ name: 'action plan timeline', who: 'coordinator', path: () => plan('/timeline') },
	{ name: 'implementation log', who: 'coordinator', path: () => plan('/log') },
	{ name: 'new log entry', who: 'coordinator', path: () => plan('/log/new') },
	{
		name: 'new log entry, errors',
		who: 'coordinator',
		path: () => plan('/log/new'),
		then: async (page) => {
			await page.page.locator('main #links').fill('javascript:alert(1)');
			await submitEmpty(page);
		}
	},
	{ name: 'new action', who: 'coordinator', path: () => plan('/actions/new') },
	{
		name: 'new action, errors',
		who: 'coordinator',
		path: () => plan('/actions/new'),
		then: submitEmpty
	},
	{ name: 'plan report', who: 'coordinator', path: () => plan('/report') },
	{ name: 'plan report (stakeholder)', who: 'stakeholder', path: () => plan('/report') },
	{ name: 'action', who: 'coordinator', path: () => action() },
	{ name: 'edit action', who: 'coordinator', path: () => action('/edit') },
	{ name: 'action key factors and questions', who: 'coordinator', path: () => action('/refs') },
	{
		name: 'action plan of another city',
		who: 'tampere',
		path: () => `/workspace/${known.tampereId}/plans/${known.plan}`,
		status: 404
	},
	{
		name: 'network distribution',
		who: 'admin',
		path: () => '/admin/assessments?benchmark=enhancing-public-perception'
	},
	// The survey builder: a draft with two sections and four questions (made in beforeAll).
	{ name: 'surveys', who: 'admin', path: () => '/admin/surveys' },
	{ name: 'new survey, errors', who: 'admin', path: () => '/admin/surveys/new', then: submitEmpty },
	{ name: 'survey', who: 'admin', path: () => `/admin/surveys/${known.survey}` },
	{ name: 'survey draft', who: 'admin', path: () => surveyDraft() },
	{
		name: 'survey draft, publishing problems',
		who: 'admin',
		path: () => surveyDraft(),
		then: submitEmpty
	},
	{
		name: 'published survey version',
		who: 'admin',
		path: () => '/admin/surveys/charter-monitoring/versions/1'
	},
	{
		name: 'new section, errors',
		who: 'admin',
		path: () => surveyDraft('/sections/new'),
		then: submitEmpty
	},
	{
		name: 'question type, errors',
		who: 'admin',
		path: () => surveyDraft('/sections/arrivals/questions/new'),
		then: submitEmpty
	},
	{
		name: 'new table question, errors',
		who: 'admin',
		path: () => surveyDraft('/sections/arrivals/questions/new/table'),
		then: submitEmpty
	},
	{
		name: 'new commitments question',
		who: 'admin',
		path: () => surveyDraft('/sections/arrivals/questions/new/commitments')
	},
	{ name: 'edit question', who: 'admin', path: () => surveyDraft('/questions/arrived') },
	{
		name: 'question condition',
		who: 'admin',
		path: () => surveyDraft('/questions/follow-up/show-if')
	},
	{
		name: 'question condition, answers',
		who: 'admin',
		path: () => surveyDraft('/questions/follow-up/show-if?question=centre')
	},
	{
		name: 'question labels in other languages',
		who: 'admin',
		path: () => surveyDraft('/questions/centre/translations')
	},
	{
		name: 'section labels in other languages',
		who: 'admin',
		path: () => surveyDraft('/sections/arrivals/translations')
	},
	{ name: 'surveys (coordinator)', who: 'coordinator', path: () => '/admin/surveys', status: 403 },
	{ name: 'survey campaigns', who: 'admin', path: () => '/admin/campaigns' },
	{ name: 'new campaign', who: 'admin', path: () => '/admin/campaigns/new' },
	{
		name: 'new campaign, errors',
		who: 'admin',
		path: () => '/admin/campaigns/new',
		then: submitEmpty
	},
	{ name: 'campaign draft', who: 'admin', path: () => campaign() },
	...(['survey', 'target', 'dates', 'reminders', 'message'] as const).map((step): Check => ({
		name: `campaign step ${step}`,
		who: 'admin',
		path: () => campaign(`/edit/${step}`)
	})),
	{
		name: 'campaign dates, errors',
		who: 'admin',
		path: () => campaign('/edit/dates'),
		then: submitEmpty
	},
	{ name: 'campaign check and send', who: 'admin', path: () => campaign('/check') },
	{ name: 'campaign open', who: 'admin', path: () => '/admin/campaigns/charter-monitoring-demo' },
	{ name: 'campaign closed', who: 'admin', path: () => '/admin/campaigns/refugee-reception-2015' },
	// Surveys: Tampere's response to the demo's open Charter monitoring campaign (Lublin's is
	// submitted by the survey journey, whichever runs first).
	{ name: 'city surveys', who: 'tampere', path: () => `/workspace/${known.tampereId}/surveys` },
	{ name: 'survey task list', who: 'tampere', path: () => survey() },
	{ name: 'survey task list, errors', who: 'tampere', path: () => survey(), then: submitEmpty },
	{ name: 'survey section', who: 'tampere', path: () => survey('/policy-makers') },
	{
		name: 'survey section, errors',
		who: 'tampere',
		path: () => survey('/policy-makers'),
		then: async (page) => {
			// A choice the survey does not have, and the example shown by "yes" made too long.
			const name = 'answer-communicate-commitment/communicate-commitment';
			await page.page.locator(`main input[name="${name}"][value="yes"]`).check();
			await page.page.locator('main [id="q-communicate-commitment-example"]').waitFor();
			await page.page
				.locator('main [id="answer-communicate-commitment-example"]')
				.fill('x'.repeat(10_001));
			const other = 'answer-equal-access-non-discrimination/equal-access-non-discrimination';
			const radio = page.page.locator(`main input[name="${other}"][value="no"]`);
			await radio.check();
			// Setting the value renames the radio's value attribute: the locator is done with.
			await radio.evaluate((el) => ((el as HTMLInputElement).value = 'maybe'));
			await clickAndWait(page.page, page.page.locator('main button[name="then"][value="next"]'));
			await page.errorSummary().first().waitFor({ state: 'visible', timeout: 10_000 });
		}
	},
	{ name: 'survey check answers', who: 'tampere', path: () => survey('/check') },
	{
		name: 'survey check answers, errors',
		who: 'tampere',
		path: () => survey('/check'),
		then: submitEmpty
	},
	{
		name: 'survey version preview',
		who: 'admin',
		path: () => '/admin/surveys/charter-monitoring/versions/1/preview'
	},
	{
		name: 'survey version preview (table, French)',
		who: 'admin',
		path: () => '/admin/surveys/refugee-reception-2015/versions/1/preview?lang=fr'
	}
];

beforeAll(async () => {
	// Ids, a real invitation and a mail in the outbox, made as people would make them.
	const admin = await signedIn(demo.admin, demoPassword);
	const cities = new AdminCitiesPage(admin.page);
	await cities.goto();
	known.lublinId = await cities.cityId('lublin');
	known.tampereId = await cities.cityId('tampere');

	// A signature recorded here (of a city of its own), to check its edit page.
	const city = `A11y Signatory ${unique()}`;
	const newCity = new NewCityPage(admin.page);
	await newCity.goto();
	await newCity.create({ name: city, country: 'PT' });
	const signature = new SignatureFormPage(admin.page);
	await signature.goto();
	await signature.submit({ city, signedOn: '2022-06-01', place: 'Lisbon' });
	known.signature = await new AdminSignatoriesPage(admin.page).editHref(city);

	const coordinator = await signedIn(demo.coordinatorLublin, demoPassword);
	const email = `a11y.${unique()}@example.org`;
	const invite = new InvitePage(coordinator.page);
	await invite.goto(known.lublinId);
	await invite.invite({ name: 'Accessibility Check', email, role: 'stakeholder' });

	// A draft campaign to Lublin, for its steps and its check-answers page.
	const firstStep = new CampaignSurveyPage(admin.page);
	await firstStep.goto();
	await firstStep.choose({
		survey: 'Integrating Cities Charter monitoring',
		edition: `a11y ${unique()}`
	});
	known.campaignDraft = new CampaignPage(admin.page).slug;
	const target = new CampaignStepPage(admin.page);
	await target.goto(known.campaignDraft, 'target');
	await target.chooseCities(['Lublin']);

	const outbox = new OutboxPage(admin.page);
	const mail = await outbox.openMail(email, /Lublin/);
	known.invitation = OutboxPage.link(mail, /^\/invitations\//);
	known.mail = outbox.path;

	// Lublin's assessment in progress: the open one, or a new one.
	const start = new NewAssessmentPage(coordinator.page);
	await start.goto(known.lublinId);
	const [open] = await start.openAssessments();
	if (open) {
		known.assessment = assessmentIdOf(open.href);
	} else {
		await start.start({ cycle: `a11y ${unique()}`, prefill: false });
		known.assessment = assessmentIdOf(start.path);
	}

	// A respondent of it, and the link in their mail.
	const respondentEmail = `a11y.respondent.${unique()}@example.org`;
	const respondents = new RespondentsPage(coordinator.page);
	await respondents.goto(known.lublinId, known.assessment);
	await respondents.invite({
		name: 'Accessibility Respondent',
		email: respondentEmail,
		group: 'migrant'
	});
	known.respond = OutboxPage.link(await outbox.openMail(respondentEmail, /Lublin/), /^\/respond\//);

	// Two practices of Lublin: a draft, and one submitted to the network.
	const form = new PracticeFormPage(coordinator.page);
	const practice = new WorkspacePracticePage(coordinator.page);
	for (const key of ['practice', 'submittedPractice'] as const) {
		await form.gotoNew(known.lublinId);
		await form.save({
			title: `Accessibility practice ${unique()}`,
			summary: 'A practice to check the pages with.',
			description: '## Steps\n\n- one\n- two',
			keyFactors: [`${benchmark.slug}/${benchmark.keyFactors[0]!.slug}`]
		});
		known[key] = practice.practiceId;
	}
	await practice.submit();

	// A proposal from Lublin to Tampere, waiting for Tampere's answer.
	const propose = new ProposeEngagementPage(coordinator.page);
	await propose.goto(known.lublinId);
	await propose.propose({
		otherCity: 'Tampere',
		as: 'implementing',
		theme: 'enhancing-public-perception',
		title: `Accessibility engagement ${unique()}`,
		periodFrom: '2026'
	});
	known.engagement = new EngagementPage(coordinator.page).engagementId;
	// An action plan of Lublin's own, with an action past its due day and a comment.
	const plans = new PlanListPage(coordinator.page);
	await plans.goto(known.lublinId);
	await plans.create(`Accessibility plan ${unique()}`);
	known.plan = new PlanPage(coordinator.page).planId;
	await new PlanPage(coordinator.page).addAction();
	const actionForm = new ActionFormPage(coordinator.page);
	await actionForm.fill({
		title: 'Migrant representative body',
		startOn: '2013-09-01',
		dueOn: '2014-02-12',
		status: 'in_progress',
		progress: '30'
	});
	await actionForm.save();
	const actionPage = new ActionPage(coordinator.page);
	known.action = actionPage.actionId;
	await actionPage.comment('We will invite the NGOs first.');
	// A result of it, so that the plan's report shows a log under the action and at the end.
	await actionPage.addLogEntry();
	const logEntry = new LogEntryPage(coordinator.page);
	await logEntry.fill({
		happenedOn: '2014-02-12',
		text: 'Migrant representative body: first meeting',
		links: 'https://lublin.eu/en/'
	});
	await logEntry.save();

	// A survey's draft: a number, a choice and a follow-up shown after "Yes".
	const surveys = new SurveyListPage(admin.page);
	await surveys.create(`Accessibility survey ${unique()}`);
	const draft = new SurveyVersionPage(admin.page);
	known.survey = draft.path.split('/')[3]!;
	await draft.addSection('Arrivals');
	for (const [type, label, options] of [
		['number', 'Arrived', ''],
		['single', 'Centre', 'Yes\nNo'],
		['text', 'Follow up', '']
	] as const) {
		await draft.chooseType('arrivals', type);
		await draft.fillQuestion({ label, ...(options ? { options } : {}) });
		await draft.saveQuestion();
	}
	await draft.setCondition('follow-up', 'centre', ['yes']);
	// A section moved above the question its own question depends on: a publishing problem.
	await draft.addSection('Before');
	await draft.chooseType('before', 'text');
	await draft.fillQuestion({ label: 'Early' });
	await draft.saveQuestion();
	await draft.setCondition('early', 'centre', ['yes']);
	await draft.moveSection('before', 'up');
});

const accounts: Record<Exclude<Who, 'anonymous'>, string> = {
	admin: demo.admin,
	coordinator: demo.coordinatorLublin,
	stakeholder: demo.ngoLublin,
	tampere: demo.coordinatorTampere
};

describe.each(['en', 'ar'])('accessibility in %s', (language) => {
	const contexts = {} as Record<Who, BrowserContext>;

	beforeAll(async () => {
		const options = { js: true, bypassCSP: true, language };
		contexts.anonymous = await context(options);
		for (const [who, email] of Object.entries(accounts)) {
			contexts[who as Who] = (await signedIn(email, demoPassword, options)).context;
		}
	});

	test.each(checks.map((c) => [`${c.who}: ${c.name}`, c] as const))('%s', async (_, check) => {
		const page = await contexts[check.who].newPage();
		try {
			const view = new BasePage(page);
			await page.setViewportSize(phone);
			const path = check.path();
			expect(await view.open(path), path).toBe(check.status ?? 200);
			await check.then?.(view);
			expect(await view.html()).toEqual({ lang: language, dir: language === 'ar' ? 'rtl' : 'ltr' });

			const problems: string[] = [];
			const narrow = await axeViolations(page);
			if (narrow.length) problems.push(`at 360 px:\n${formatViolations(narrow)}`);
			const overflow = await horizontalOverflow(page);
			if (overflow.scrollWidth > phone.width + 1) {
				problems.push(
					`at 360 px the page scrolls sideways (scrollWidth ${overflow.scrollWidth}): ` +
						overflow.widest.join(', ')
				);
			}
			await page.setViewportSize(desktop);
			const wide = await axeViolations(page);
			if (wide.length) problems.push(`at 1280 px:\n${formatViolations(wide)}`);

			if (problems.length > 0) {
				assert.fail(`${path} (${language}, ${check.who})\n${problems.join('\n')}`);
			}
		} finally {
			await page.close();
		}
	});
});
