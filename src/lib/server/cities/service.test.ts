import { describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { isHttpError } from '@sveltejs/kit';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import * as cities from './service.ts';
import * as auth from '../auth/service.ts';
import { auditLog } from '../audit/schema.ts';
import { outbox } from '../mail/schema.ts';
import { membership } from './schema.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

const ctx = { origin: 'http://localhost', clientAddress: '127.0.0.1', cookie: null };

describe.each(engines())('cities and invitations on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });

	async function cityId(slug: string) {
		const c = await cities.bySlug(null, slug);
		return c!.id;
	}

	async function lastInvitationLink(to: string) {
		const [mail] = await db()
			.select()
			.from(outbox)
			.where(eq(outbox.to, to))
			.orderBy(desc(outbox.createdAt))
			.limit(1);
		const token = mail?.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)?.[1];
		if (!token) throw new Error('no invitation mail');
		return token;
	}

	it('a coordinator invites a stakeholder who joins the right city with the right role', async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const lublin = await cityId('lublin');
		const outcome = await cities.invite(
			coordinator,
			lublin,
			{
				name: 'Amal Haddad',
				email: 'amal@example.net',
				role: 'stakeholder',
				organisation: 'Migrant Council'
			},
			'http://localhost'
		);
		expect(outcome.ok).toBe(true);

		const token = await lastInvitationLink('amal@example.net');
		const view = await cities.invitationByToken(token);
		expect(view).toMatchObject({
			status: 'open',
			cityName: 'Lublin',
			role: 'stakeholder',
			hasAccount: false
		});

		const accepted = await cities.acceptAsNewUser(token, {
			name: 'Amal Haddad',
			password: 'a long passphrase'
		});
		expect(accepted).toEqual({ ok: true, email: 'amal@example.net' });

		const amal = await actorByEmail('amal@example.net');
		expect(amal.emailVerified).toBe(true);
		expect(amal.memberships).toEqual([{ cityId: lublin, role: 'stakeholder' }]);
		const signIn = await auth.signIn(ctx, {
			email: 'amal@example.net',
			password: 'a long passphrase'
		});
		expect(signIn.ok).toBe(true);

		// The link is spent.
		expect((await cities.invitationByToken(token))?.status).toBe('used');
		expect(
			(await cities.acceptAsNewUser(token, { name: 'X', password: 'another passphrase' })).ok
		).toBe(false);

		const members = await cities.members(coordinator, lublin);
		expect(members.people.map((p) => p.email)).toContain('amal@example.net');

		const actions = (await db().select().from(auditLog)).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['invitation.create', 'invitation.accept']));
	});

	it("another city's members and workspace answer 404 with no data", async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const tampere = await cityId('tampere');
		expect(await statusOf(cities.members(coordinator, tampere))).toBe(404);
		expect(await statusOf(cities.workspace(coordinator, tampere))).toBe(404);
		expect(
			await statusOf(
				cities.invite(
					coordinator,
					tampere,
					{ name: 'X', email: 'x@example.net', role: 'stakeholder', organisation: '' },
					'http://localhost'
				)
			)
		).toBe(404);
		expect(await statusOf(cities.members(coordinator, 'not-a-uuid'))).toBe(404);
		expect(
			await statusOf(cities.members(coordinator, '00000000-0000-4000-8000-000000000000'))
		).toBe(404);
	});

	it('a coordinator cannot appoint a coordinator; a network admin can, in any city', async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const admin = await actorByEmail('admin@example.org');
		const lublin = await cityId('lublin');
		const refused = await cities.invite(
			coordinator,
			lublin,
			{ name: 'Piotr', email: 'piotr@example.net', role: 'city_coordinator', organisation: '' },
			'http://localhost'
		);
		expect(refused).toEqual({ ok: false, field: 'role', error: 'error_role_not_allowed' });
		const tampere = await cityId('tampere');
		const appointed = await cities.invite(
			admin,
			tampere,
			{ name: 'Liisa', email: 'liisa@example.net', role: 'city_coordinator', organisation: '' },
			'http://localhost'
		);
		expect(appointed.ok).toBe(true);
	});

	it('stakeholders and contributors cannot invite; stakeholders cannot list members', async () => {
		const ngo = await actorByEmail('ngo.lublin@example.org');
		const contributor = await actorByEmail('contributor.lublin@example.org');
		const lublin = await cityId('lublin');
		const input = {
			name: 'Y',
			email: 'y@example.net',
			role: 'stakeholder' as const,
			organisation: ''
		};
		expect(await statusOf(cities.invite(ngo, lublin, input, 'http://localhost'))).toBe(404);
		expect(await statusOf(cities.invite(contributor, lublin, input, 'http://localhost'))).toBe(404);
		expect(await statusOf(cities.members(ngo, lublin))).toBe(404);
		expect(await statusOf(cities.members(contributor, lublin))).toBe('ok');
		expect(await statusOf(cities.workspace(ngo, lublin))).toBe('ok');
	});

	it('an existing member cannot be invited twice; a withdrawn invitation stops working', async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const lublin = await cityId('lublin');
		const again = await cities.invite(
			coordinator,
			lublin,
			{ name: 'C', email: 'contributor.lublin@example.org', role: 'stakeholder', organisation: '' },
			'http://localhost'
		);
		expect(again).toEqual({ ok: false, field: 'email', error: 'error_already_member' });

		const sent = await cities.invite(
			coordinator,
			lublin,
			{ name: 'Zofia', email: 'zofia@example.net', role: 'city_contributor', organisation: '' },
			'http://localhost'
		);
		if (!sent.ok) throw new Error('invite failed');
		const token = await lastInvitationLink('zofia@example.net');
		await cities.revokeInvitation(coordinator, lublin, sent.invitationId);
		expect((await cities.invitationByToken(token))?.status).toBe('used');
		expect(
			(await cities.acceptAsNewUser(token, { name: 'Zofia', password: 'a long passphrase' })).ok
		).toBe(false);
	});

	it('an invited person who already has an account accepts while signed in with that email only', async () => {
		const admin = await actorByEmail('admin@example.org');
		const tampere = await cityId('tampere');
		await cities.invite(
			admin,
			tampere,
			{
				name: 'Contributor',
				email: 'contributor.lublin@example.org',
				role: 'stakeholder',
				organisation: ''
			},
			'http://localhost'
		);
		const token = await lastInvitationLink('contributor.lublin@example.org');
		expect((await cities.invitationByToken(token))?.hasAccount).toBe(true);
		const someoneElse = await actorByEmail('ngo.lublin@example.org');
		expect(await cities.acceptAsActor(someoneElse, token)).toEqual({
			ok: false,
			reason: 'wrong-account'
		});
		const contributor = await actorByEmail('contributor.lublin@example.org');
		expect(await cities.acceptAsActor(contributor, token)).toEqual({ ok: true });
		const after = await actorByEmail('contributor.lublin@example.org');
		expect(after.memberships).toEqual(
			expect.arrayContaining([{ cityId: tampere, role: 'stakeholder' }])
		);
	});

	it('only a network admin creates a city, with a unique slug, audited', async () => {
		const admin = await actorByEmail('admin@example.org');
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const input = {
			name: 'Gdańsk',
			country: 'PL',
			population: null,
			latitude: null,
			longitude: null
		};
		expect(await statusOf(cities.create(coordinator, input))).toBe(403);
		const created = await cities.create(admin, input);
		expect(created.slug).toBe('gdansk');
		const second = await cities.create(admin, input);
		expect(second.slug).toBe('gdansk-2');
		const [entry] = await db().select().from(auditLog).where(eq(auditLog.entityId, created.id));
		expect(entry).toMatchObject({ action: 'city.create', actorUserId: admin.userId });
	});

	it("lists the workspaces one may open: one's cities with the role, every city for a network admin", async () => {
		expect(await statusOf(cities.workspaces(null))).toBe(401);

		// Someone without a city sees none.
		const person = await auth.createVerifiedUser({
			email: 'nadia@example.net',
			name: 'Nadia Petrenko',
			password: 'a long passphrase'
		});
		expect(await cities.workspaces(await actorByEmail('nadia@example.net'))).toEqual({
			everyCity: false,
			cities: []
		});

		// A coordinator sees their one city, with their role.
		const tampere = await cityId('tampere');
		expect(await cities.workspaces(await actorByEmail('coordinator.tampere@example.org'))).toEqual({
			everyCity: false,
			cities: [
				{ id: tampere, slug: 'tampere', name: 'Tampere', country: 'FI', role: 'city_coordinator' }
			]
		});

		// Someone of two cities sees both, by name, and can open each.
		const [zurich, genoa] = [await cityId('zurich'), await cityId('genoa')];
		await db()
			.insert(membership)
			.values([
				{ userId: person.id, cityId: zurich, role: 'city_contributor' },
				{ userId: person.id, cityId: genoa, role: 'stakeholder' }
			]);
		const nadia = await actorByEmail('nadia@example.net');
		const two = await cities.workspaces(nadia);
		expect(two.cities.map((c) => [c.name, c.role])).toEqual([
			['Genoa', 'stakeholder'],
			['Zurich', 'city_contributor']
		]);
		for (const c of two.cities) {
			expect((await cities.workspace(nadia, c.id)).id).toBe(c.id);
		}

		// The network admin sees every city of the network, holding no role in any.
		const admin = await actorByEmail('admin@example.org');
		const all = await cities.workspaces(admin);
		expect(all.everyCity).toBe(true);
		const every = await cities.list(admin);
		// (Two cities may share a name, as the Gdańsks above: compared as sets, checked by name.)
		expect(all.cities.map((c) => c.id).sort()).toEqual(every.map((c) => c.id).sort());
		const names = all.cities.map((c) => c.name);
		expect(names).toEqual(every.map((c) => c.name));
		expect(all.cities.every((c) => c.role === null)).toBe(true);
	});
});
