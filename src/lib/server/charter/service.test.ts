// Recording a city's signature of the Charter: what is not known stays unknown, a city signs
// once, a day in the future is refused, only the network admin records; the public page and
// the city's page then show it.
import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { validate } from '../validation.ts';
import * as cities from '../cities/service.ts';
import { auditLog } from '../audit/schema.ts';
import * as charter from './service.ts';
import { signatureForm, isFutureDay, latestToday } from './forms.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

const nextYear = `${new Date().getUTCFullYear() + 1}-01-15`;

describe('the signature form', () => {
	const id = '00000000-0000-4000-8000-000000000001';

	it('keeps an unknown day, place and signer as null or empty', () => {
		expect(validate(signatureForm, { cityId: id })).toEqual({
			ok: true,
			data: { cityId: id, signedOn: null, place: '', signedBy: '', source: '' }
		});
	});

	it('refuses no city, a day that does not exist, and a day in the future', () => {
		const r = validate(signatureForm, { cityId: '', signedOn: '2023-02-30' });
		expect(r.ok ? {} : r.errors).toEqual({
			cityId: 'signatory_error_city_required',
			signedOn: 'signatory_error_date_invalid'
		});
		const future = validate(signatureForm, { cityId: id, signedOn: nextYear });
		expect(future.ok ? {} : future.errors).toEqual({ signedOn: 'signatory_error_date_future' });
	});

	it('takes today anywhere on Earth as not in the future', () => {
		const now = new Date('2026-03-01T23:30:00Z');
		expect(latestToday(now)).toBe('2026-03-02');
		expect(isFutureDay('2026-03-02', now)).toBe(false);
		expect(isFutureDay('2026-03-03', now)).toBe(true);
		expect(isFutureDay(null, now)).toBe(false);
	});
});

describe.each(engines())('recording signatures on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });
	const admin = () => actorByEmail('admin@example.org');
	const cityId = async (slug: string) => (await cities.bySlug(null, slug))!.id;
	const input = (id: string, more: Partial<Record<string, string | null>> = {}) => ({
		cityId: id,
		signedOn: null,
		place: '',
		signedBy: '',
		source: '',
		...more
	});

	it('records a signature with what is known, audited, and the public page lists it', async () => {
		const lublin = await cityId('lublin');
		const r = await charter.record(
			await admin(),
			input(lublin, {
				signedOn: '2023-05-16',
				place: 'Brussels',
				signedBy: 'Mayor Krzysztof Żuk',
				source: 'Letter of 16 May 2023'
			})
		);
		expect(r.ok).toBe(true);
		const page = await charter.getCharter(null);
		expect(page.signatories.find((s) => s.city.slug === 'lublin')).toMatchObject({
			signedOn: '2023-05-16',
			place: 'Brussels',
			signedBy: 'Mayor Krzysztof Żuk'
		});
		// The count over time goes on from the seeds' 39 of November 2018.
		expect(page.overTime.map((p) => [p.period, p.count])).toEqual([
			['2014', 33],
			['2018-11', 39],
			['2023-05-16', 40]
		]);
		expect(page.overTime.at(-1)?.cities).toEqual(['Lublin']);
		const logged = await db()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'signatory.record'), eq(auditLog.cityId, lublin)));
		expect(logged).toHaveLength(1);
		// The city's own page shows it too.
		expect(await charter.signatoryOfCity(null, lublin)).toMatchObject({ signedOn: '2023-05-16' });
	});

	it('refuses a city that already signed, keeping the first signature', async () => {
		const r = await charter.record(await admin(), input(await cityId('lublin'), { place: 'Rome' }));
		expect(r).toEqual({ ok: false, errors: { cityId: 'signatory_error_already_signed' } });
		const turin = await charter.record(await admin(), input(await cityId('turin')));
		expect(turin).toEqual({ ok: false, errors: { cityId: 'signatory_error_already_signed' } });
		const lublin = await charter.signatoryOfCity(null, await cityId('lublin'));
		expect(lublin?.place).toBe('Brussels');
	});

	it('keeps an unknown day unknown, out of the chart but counted as undated', async () => {
		const tampere = await cityId('tampere');
		const r = await charter.record(await admin(), input(tampere));
		expect(r.ok).toBe(true);
		const row = await charter.signatoryOfCity(null, tampere);
		expect(row).toMatchObject({ signedOn: null, place: null, signedBy: null, source: null });
		const page = await charter.getCharter(null);
		expect(page.overTime.at(-1)?.count).toBe(40);
		expect(page.undated).toBe(1);
	});

	it('refuses a day in the future, and an unknown city', async () => {
		const a = await admin();
		const all = await charter.cityChoices(a);
		const unsigned = all.find((c) => !c.signed)!;
		expect(await charter.record(a, input(unsigned.id, { signedOn: nextYear }))).toEqual({
			ok: false,
			errors: { signedOn: 'signatory_error_date_future' }
		});
		expect(await charter.signatoryOfCity(null, unsigned.id)).toBeNull();
		expect(await charter.record(a, input('00000000-0000-4000-8000-000000000009'))).toEqual({
			ok: false,
			errors: { cityId: 'signatory_error_city_required' }
		});
	});

	it('edits a signature recorded here, never a seed’s one', async () => {
		const a = await admin();
		const list = await charter.listForAdmin(a);
		const tampere = list.find((s) => s.citySlug === 'tampere')!;
		const r = await charter.update(a, tampere.id, {
			signedOn: '2024-01-10',
			place: 'Tampere',
			signedBy: '',
			source: 'Minutes'
		});
		expect(r.ok).toBe(true);
		expect(await charter.recorded(a, tampere.id)).toMatchObject({
			signedOn: '2024-01-10',
			place: 'Tampere',
			signedBy: null
		});
		const future = await charter.update(a, tampere.id, {
			signedOn: nextYear,
			place: '',
			signedBy: '',
			source: ''
		});
		expect(future.ok).toBe(false);
		const turin = list.find((s) => s.citySlug === 'turin')!;
		expect(await statusOf(charter.recorded(a, turin.id))).toBe(404);
		expect(await statusOf(charter.recorded(a, 'not-an-id'))).toBe(404);
	});

	it('lets only the network admin record or list', async () => {
		const coordinator = await actorByEmail('coordinator.lublin@example.org');
		const id = await cityId('milan');
		expect(await statusOf(charter.record(coordinator, input(id)))).toBe(403);
		expect(await statusOf(charter.record(null, input(id)))).toBe(401);
		expect(await statusOf(charter.listForAdmin(coordinator))).toBe(403);
		expect(await statusOf(charter.cityChoices(coordinator))).toBe(403);
		expect(await charter.signatoryOfCity(null, id)).toBeNull();
	});
});
