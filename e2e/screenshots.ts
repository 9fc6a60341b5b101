// Screenshots of the main pages at 360 and 1280 px, in English and in Arabic, to look at the
// app as its users see it. Not a test.
//
//   node e2e/screenshots.ts                      starts a server of its own (fresh database)
//   BASE_URL=http://localhost:3000 node e2e/screenshots.ts   uses a running server (DEMO=1)
//
// The PNGs go to screenshots/ (git-ignored), named {language}-{width}-{page}.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import type { Browser, Page } from 'playwright-core';
import { clickAndWait, demo, demoPassword, launchChromium, newContext } from './support/browser.ts';
import { root, startServer } from './support/server.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { AdminCitiesPage } from './pages/AdminPages.ts';
import { InvitePage } from './pages/InvitePage.ts';
import { OutboxPage } from './pages/OutboxPage.ts';
import { PlanListPage } from './pages/PlanPages.ts';

type Who = 'anonymous' | 'admin' | 'coordinator';

interface Shot {
	name: string;
	who: Who;
	path: string;
	/** Sends the page's form empty first, to show its errors. */
	errors?: boolean;
}

const widths = [360, 1280];
const languages = ['en', 'ar'];

async function signIn(page: Page, email: string) {
	const signInPage = new SignInPage(page);
	await signInPage.goto();
	await page.waitForLoadState('networkidle');
	await signInPage.signIn(email, demoPassword);
}

/** Ids and a real invitation link, made the way people make them. */
async function prepare(browser: Browser, baseURL: string) {
	const context = await newContext(browser, baseURL);
	const admin = await context.newPage();
	await signIn(admin, demo.admin);
	const cities = new AdminCitiesPage(admin);
	await cities.goto();
	const lublinId = await cities.cityId('lublin');

	const coordinatorContext = await newContext(browser, baseURL);
	const coordinator = await coordinatorContext.newPage();
	await signIn(coordinator, demo.coordinatorLublin);
	const email = `screenshots.${Date.now()}@example.org`;
	const invite = new InvitePage(coordinator);
	await invite.goto(lublinId);
	await invite.invite({
		name: 'Aleksandra Wiśniewska-Kowalczyk',
		email,
		role: 'stakeholder',
		organisation: 'Fundacja Instytut na rzecz Państwa Prawa'
	});
	const outbox = new OutboxPage(admin);
	const mail = await outbox.openMail(email, /Lublin/);
	const invitation = OutboxPage.link(mail, /^\/invitations\//);
	const mailPath = outbox.path;
	// Lublin's seeded plan (seed 000): eight actions, results under some of them.
	const plans = new PlanListPage(coordinator);
	await plans.goto(lublinId);
	const seeded = (await plans.plans()).find((p) => p.text === "Lublin's action plan");
	if (!seeded) throw new Error("Lublin's seeded plan is missing");
	await context.close();
	await coordinatorContext.close();
	return { lublinId, invitation, mailPath, plan: seeded.href };
}

function shots(known: {
	lublinId: string;
	invitation: string;
	mailPath: string;
	plan: string;
}): Shot[] {
	const bm = '/toolkits/enhancing-public-perception';
	return [
		{ name: 'home', who: 'anonymous', path: '/' },
		{ name: 'toolkits', who: 'anonymous', path: '/toolkits' },
		{ name: 'benchmark', who: 'anonymous', path: bm },
		{ name: 'key-factor', who: 'anonymous', path: `${bm}/involvement-of-local-communities` },
		{ name: 'charter', who: 'anonymous', path: '/charter' },
		{ name: 'cities', who: 'anonymous', path: '/cities' },
		{ name: 'city', who: 'anonymous', path: '/cities/lublin' },
		{ name: 'sign-in', who: 'anonymous', path: '/sign-in' },
		{ name: 'sign-in-errors', who: 'anonymous', path: '/sign-in', errors: true },
		{ name: 'invitation', who: 'anonymous', path: known.invitation },
		{ name: 'not-found', who: 'anonymous', path: '/no-such-page' },
		{ name: 'account', who: 'coordinator', path: '/account' },
		{ name: 'workspace', who: 'coordinator', path: `/workspace/${known.lublinId}` },
		{ name: 'members', who: 'coordinator', path: `/workspace/${known.lublinId}/members` },
		{
			name: 'invite-errors',
			who: 'coordinator',
			path: `/workspace/${known.lublinId}/members/invite`,
			errors: true
		},
		{ name: 'plan-report', who: 'coordinator', path: `${known.plan}/report` },
		{ name: 'admin', who: 'admin', path: '/admin' },
		{ name: 'admin-cities', who: 'admin', path: '/admin/cities' },
		{ name: 'new-city-errors', who: 'admin', path: '/admin/cities/new', errors: true },
		{ name: 'outbox', who: 'admin', path: '/admin/outbox' },
		{ name: 'outbox-mail', who: 'admin', path: known.mailPath },
		{ name: 'audit', who: 'admin', path: '/admin/audit' }
	];
}

export async function takeScreenshots(baseURL: string, outDir = join(root, 'screenshots')) {
	mkdirSync(outDir, { recursive: true });
	const browser = await launchChromium();
	const written: string[] = [];
	try {
		const known = await prepare(browser, baseURL);
		for (const language of languages) {
			for (const width of widths) {
				const viewport = { width, height: width < 600 ? 740 : 800 };
				const pages = {} as Record<Who, Page>;
				for (const who of ['anonymous', 'admin', 'coordinator'] as const) {
					const context = await newContext(browser, baseURL, { js: true, viewport, language });
					pages[who] = await context.newPage();
					if (who === 'admin') await signIn(pages[who], demo.admin);
					if (who === 'coordinator') await signIn(pages[who], demo.coordinatorLublin);
				}
				for (const shot of shots(known)) {
					const page = pages[shot.who];
					await page.goto(shot.path);
					await page.waitForLoadState('networkidle');
					if (shot.errors) {
						await clickAndWait(page, page.locator('main form button[type="submit"]').last());
						await page.waitForLoadState('networkidle');
					}
					const file = join(outDir, `${language}-${width}-${shot.name}.png`);
					await page.screenshot({ path: file, fullPage: true });
					written.push(file);
				}
				for (const page of Object.values(pages)) await page.context().close();
			}
		}
	} finally {
		await browser.close();
	}
	return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const given = process.env.BASE_URL;
	const server = given ? null : await startServer({ name: 'screenshots-server' });
	try {
		const files = await takeScreenshots(given ?? server!.url);
		console.log(`${files.length} screenshots in ${join(root, 'screenshots')}/`);
	} finally {
		await server?.stop();
	}
}
