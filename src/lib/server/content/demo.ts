// Demo accounts and assessments for a laptop (`npm start` sets DEMO=1); never created otherwise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import type { Db } from '../db/index.ts';
import { roles } from '../access/index.ts';
import * as accounts from '../auth/service.ts';
import * as cityQueries from '../cities/queries.ts';
import { contentDir } from './files.ts';
import { seedDemoAssessments } from './demo-assessments.ts';
import { seedDemoCampaign } from './demo-surveys.ts';

const DemoFile = v.object({
	password: v.string(),
	accounts: v.array(
		v.object({
			email: v.string(),
			name: v.string(),
			role: v.picklist(roles),
			city: v.nullable(v.string()),
			organisation: v.optional(v.string())
		})
	)
});

export function demoAccounts(dir = contentDir()) {
	return v.parse(DemoFile, JSON.parse(readFileSync(join(dir, 'demo-accounts.json'), 'utf8')));
}

/**
 * Demo accounts, and with `assessments` the demo assessments (content/demo-assessments.json).
 * Those are seeded by default only when the app runs as the demo (DEMO=1, `npm start`), so
 * that tests seeding demo accounts start without assessments.
 */
export async function seedDemo(
	d: Db,
	options: { assessments?: boolean } = {}
) {
	const demo = demoAccounts();
	for (const a of demo.accounts) {
		const existing = await accounts.findUserByEmail(a.email);
		const u =
			existing ??
			(await accounts.createVerifiedUser({ email: a.email, name: a.name, password: demo.password }));
		const cityId = a.city ? (await cityQueries.findCityBySlug(d, a.city))?.id : null;
		if (cityId === undefined) throw new Error(`Demo city ${a.city} is missing from content`);
		if (!(await cityQueries.findMembership(d, u.id, cityId))) {
			await cityQueries.insertMembership(d, {
				userId: u.id,
				cityId,
				role: a.role,
				organisation: a.organisation ?? null
			});
		}
	}
	await seedDemoCampaign(d);
	if (options.assessments ?? process.env.DEMO === '1') await seedDemoAssessments(d);
}
