// Actors as the app builds them from a session, for service tests.
import { eq } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { user } from '../auth/schema.ts';
import { membership } from '../cities/schema.ts';
import type { Actor, Role } from '../access/index.ts';
import { mentoredCityIds } from '../mentoring/queries.ts';

export async function actorByEmail(email: string): Promise<Actor> {
	const d = await db();
	const [u] = await d.select().from(user).where(eq(user.email, email));
	if (!u) throw new Error(`No user ${email}`);
	const rows = await d.select().from(membership).where(eq(membership.userId, u.id));
	return {
		userId: u.id,
		name: u.name,
		email: u.email,
		emailVerified: u.emailVerified,
		memberships: rows.map((r) => ({ cityId: r.cityId, role: r.role as Role })),
		mentorOf: await mentoredCityIds(
			d,
			rows.flatMap((r) => (r.cityId ? [r.cityId] : []))
		)
	};
}
