import { describe, expect, it, beforeAll } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { isHttpError } from '@sveltejs/kit';
import { engines, useTestDatabase } from '../testing/database.ts';
import type { Actor } from '../access/index.ts';
import { user } from '../auth/schema.ts';
import { city, membership } from '../cities/schema.ts';
import { outbox } from '../mail/schema.ts';
import { utcDay } from '../jobs/service.ts';
import { action, actionPlan } from './schema.ts';
import {
	myActionReminders,
	reminderSettingsSchema,
	sendActionReminders,
	setMyActionReminders
} from './reminders.ts';
import { validate } from '../validation.ts';
import { reminderMail } from './reminder-messages.ts';

const ORIGIN = 'https://cities.example';

function addDays(day: string, days: number) {
	const d = new Date(`${day}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

function actorOf(id: string): Actor {
	return { userId: id, name: id, email: `${id}@remind.test`, emailVerified: true, memberships: [] };
}

describe.each(engines())('action reminders on %s', (engine) => {
	const db = useTestDatabase(engine);
	const today = utcDay(new Date());
	let planId = '';
	let lublinId = '';
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		const d = db();
		const [lublin] = await d.select().from(city).where(eq(city.slug, 'lublin'));
		const [tampere] = await d.select().from(city).where(eq(city.slug, 'tampere'));
		lublinId = lublin!.id;
		for (const u of ['anna', 'ben', 'cleo', 'dara']) {
			// dara last used the site in German.
			const locale = u === 'dara' ? 'de' : null;
			await d
				.insert(user)
				.values({ id: u, name: u.toUpperCase(), email: `${u}@remind.test`, locale });
		}
		// cleo moved to Tampere: she owns a Lublin action but is no longer in Lublin.
		await d.insert(membership).values([
			{ userId: 'anna', cityId: lublin!.id, role: 'city_contributor' },
			{ userId: 'ben', cityId: lublin!.id, role: 'city_contributor' },
			{ userId: 'cleo', cityId: tampere!.id, role: 'city_contributor' },
			{ userId: 'dara', cityId: lublin!.id, role: 'stakeholder' }
		]);
		const [plan] = await d
			.insert(actionPlan)
			.values({ cityId: lublin!.id, title: 'Welcome plan' })
			.returning();
		planId = plan!.id;
		const rows: (Omit<typeof action.$inferInsert, 'planId' | 'position'> & { key: string })[] = [
			{ key: 'in7', title: 'Open the welcome desk', ownerUserId: 'anna', dueOn: addDays(today, 7) },
			{ key: 'in8', title: 'Print the leaflets', ownerUserId: 'anna', dueOn: addDays(today, 8) },
			{ key: 'late', title: 'Hire mediators', ownerUserId: 'anna', dueOn: addDays(today, -3) },
			{
				key: 'today',
				title: 'Train the staff',
				ownerUserId: 'anna',
				dueOn: today,
				status: 'in_progress'
			},
			{ key: 'done', title: 'Map the services', ownerUserId: 'anna', dueOn: today, status: 'done' },
			{
				key: 'dropped',
				title: 'Rent a bus',
				ownerUserId: 'anna',
				dueOn: today,
				status: 'dropped'
			},
			{ key: 'undated', title: 'Write the story', ownerUserId: 'anna', dueOn: null },
			{ key: 'optedOut', title: 'Ask the council', ownerUserId: 'ben', dueOn: addDays(today, 1) },
			{ key: 'left', title: 'Meet the NGOs', ownerUserId: 'cleo', dueOn: addDays(today, 1) },
			{ key: 'nobody', title: 'Find a venue', ownerUserId: null, dueOn: addDays(today, 1) },
			{ key: 'dara', title: 'Run the survey', ownerUserId: 'dara', dueOn: addDays(today, 1) }
		];
		let position = 0;
		for (const { key, ...row } of rows) {
			const [a] = await d
				.insert(action)
				.values({ ...row, planId, position: ++position })
				.returning();
			ids[key] = a!.id;
		}
		await setMyActionReminders(actorOf('ben'), false);
	});

	function reminders() {
		return db()
			.select()
			.from(outbox)
			.where(
				and(
					eq(outbox.purpose, 'action-reminder'),
					inArray(outbox.to, [
						'anna@remind.test',
						'ben@remind.test',
						'cleo@remind.test',
						'dara@remind.test'
					])
				)
			);
	}

	it('mails each owner once a day, listing their open actions due within seven days or overdue', async () => {
		const outcome = await sendActionReminders(today, ORIGIN);
		expect(outcome).toBe('2 mails about 4 actions');
		const mails = await reminders();
		expect(mails.map((m) => m.to).sort()).toEqual(['anna@remind.test', 'dara@remind.test']);

		// Each in the language its reader last used the site in (English when never seen).
		const dara = mails.find((m) => m.to === 'dara@remind.test')!;
		expect(dara.subject).toBe('Erinnerung: Ihre bald fälligen Maßnahmen');
		const anna = mails.find((m) => m.to === 'anna@remind.test')!;
		expect(anna.subject).toBe('Reminder: your actions due soon');
		expect(anna.text).toContain('Hello ANNA,');
		for (const title of ['Open the welcome desk', 'Hire mediators', 'Train the staff']) {
			expect(anna.text).toContain(title);
		}
		for (const title of [
			'Print the leaflets',
			'Map the services',
			'Rent a bus',
			'Write the story'
		]) {
			expect(anna.text).not.toContain(title);
		}
		expect(anna.text).toContain('overdue by 3 days');
		expect(anna.text).toContain('due in 7 days');
		expect(anna.text).toContain('due today');
		expect(anna.text).toContain('Plan: Welcome plan (Lublin)');
		expect(anna.text).toContain(
			`${ORIGIN}/workspace/${lublinId}/plans/${planId}/actions/${ids.late}`
		);
		expect(anna.text).toContain(`${ORIGIN}/account#reminders`);
		// Most urgent first.
		expect(anna.text.indexOf('Hire mediators')).toBeLessThan(anna.text.indexOf('Train the staff'));
		expect(anna.text.indexOf('Train the staff')).toBeLessThan(
			anna.text.indexOf('Open the welcome desk')
		);
	});

	it('mails nobody twice the same day when the job runs again (a retry after a crash)', async () => {
		expect(await sendActionReminders(today, ORIGIN)).toBe('0 mails about 4 actions');
		expect(await reminders()).toHaveLength(2);
	});

	it('writes the mail in the language asked for', () => {
		const mail = reminderMail({
			name: 'Zofia',
			today: '2026-11-20',
			origin: ORIGIN,
			locale: 'fr',
			actions: [
				{
					actionId: 'a1',
					title: 'Ouvrir le guichet',
					dueOn: '2026-11-18',
					planId: 'p1',
					planTitle: 'Plan d’accueil',
					cityId: 'c1',
					cityName: 'Lublin'
				}
			]
		});
		expect(mail.subject).toBe('Rappel : vos actions arrivant à échéance');
		expect(mail.text).toContain('Bonjour Zofia');
		expect(mail.text).toContain('18 novembre 2026');
		expect(mail.text).toContain('en retard de 2 jours');
		expect(mail.text).toContain(`${ORIGIN}/workspace/c1/plans/p1/actions/a1`);
	});

	it('each person turns their own reminders off and on; on until they choose', async () => {
		expect(await myActionReminders(actorOf('dara'))).toBe(true);
		expect(await myActionReminders(actorOf('ben'))).toBe(false);
		await setMyActionReminders(actorOf('ben'), true);
		expect(await myActionReminders(actorOf('ben'))).toBe(true);
		await setMyActionReminders(actorOf('ben'), false);
		expect(await myActionReminders(actorOf('ben'))).toBe(false);
		// Someone else's setting is untouched.
		expect(await myActionReminders(actorOf('dara'))).toBe(true);
	});

	it('asks for a choice when the form comes without one', () => {
		const result = validate(reminderSettingsSchema, { actionReminders: 'maybe' });
		expect(result).toMatchObject({
			ok: false,
			errors: { actionReminders: 'reminder_error_choice' }
		});
		// No choice at all (no radio ticked) gets the same message, not valibot's own.
		expect(validate(reminderSettingsSchema, {})).toMatchObject({
			ok: false,
			errors: { actionReminders: 'reminder_error_choice' }
		});
	});

	it('asks a visitor to sign in', async () => {
		for (const attempt of [myActionReminders(null), setMyActionReminders(null, false)]) {
			const status = await attempt.then(
				() => 'ok',
				(e) => (isHttpError(e) ? e.status : e)
			);
			expect(status).toBe(401);
		}
	});
});
