// Lublin's assessment in progress, as the journeys need it: a city has at most one open
// assessment per benchmark, and the journey files share one server, so each takes the one it
// finds or starts one, or closes what is open before starting its own.
import type { Page } from 'playwright-core';
import { CheckPage, NewAssessmentPage, assessmentIdOf } from '../pages/AssessmentPages.ts';
import { unique } from './content.ts';

/** The city's assessment in progress, started (not pre-filled) if there is none. */
export async function openAssessment(page: Page, cityId: string): Promise<string> {
	const start = new NewAssessmentPage(page);
	await start.goto(cityId);
	const [open] = await start.openAssessments();
	if (open) return assessmentIdOf(open.href);
	await start.start({ cycle: `2026 ${unique()}`, prefill: false });
	return assessmentIdOf(start.path);
}

/** Submits every assessment the city has in progress, so that a new one can start. */
export async function closeOpenAssessments(page: Page, cityId: string) {
	const start = new NewAssessmentPage(page);
	await start.goto(cityId);
	for (const link of await start.openAssessments()) {
		const check = new CheckPage(page);
		await check.goto(cityId, assessmentIdOf(link.href));
		await check.submit();
	}
}
