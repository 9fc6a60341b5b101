import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { desc, eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { minimalPdf, tinyPng } from '../testing/files.ts';
import { DiskStorage } from '../storage/disk.ts';
import { useStorage } from '../storage/index.ts';
import { auditLog } from '../audit/schema.ts';
import * as cities from '../cities/service.ts';
import * as assessments from './service.ts';
import * as answers from './answers.ts';
import * as attachments from './attachments.ts';

async function statusOf(promise: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await promise;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

const fileOf = (bytes: Uint8Array | string, name: string, type = 'application/pdf') =>
	new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });

describe.each(engines())('evidence attachments on %s', (engine) => {
	const database = useTestDatabase(engine, { demo: true });
	const dir = mkdtempSync(join(tmpdir(), 'ic-attachments-'));
	beforeAll(() => useStorage(new DiskStorage(dir)));
	afterAll(() => {
		useStorage(undefined);
		rmSync(dir, { recursive: true, force: true });
	});

	const coordinator = () => actorByEmail('coordinator.lublin@example.org');
	let id = '';
	let questionId = '';

	beforeAll(async () => {
		const me = await coordinator();
		const lublin = (await cities.bySlug(null, 'lublin'))!.id;
		const started = await assessments.start(me, lublin, {
			benchmark: 'enhancing-public-perception',
			cycle: '2025',
			prefill: false
		});
		if (!started.ok) throw new Error(started.error);
		id = started.id;
		questionId = (await assessments.get(me, id)).keyFactors[0]!.guideQuestions[0]!.id;
	});

	it('keeps a real PDF and a PNG, lists them, and serves them as safe downloads', async () => {
		const me = await coordinator();
		const pdf = await attachments.addAttachment(
			me,
			id,
			questionId,
			fileOf(minimalPdf(), 'Plan.pdf')
		);
		expect(pdf.ok).toBe(true);
		const png = await attachments.addAttachment(
			me,
			id,
			questionId,
			fileOf(tinyPng(), 'photo', 'application/octet-stream')
		);
		expect(png.ok).toBe(true);
		const list = await attachments.listAttachments(me, id);
		expect(list.map((a) => [a.filename, a.contentType, a.questionId])).toEqual([
			['Plan.pdf', 'application/pdf', questionId],
			['photo.png', 'image/png', questionId]
		]);
		expect(list[0]!.size).toBe(minimalPdf().byteLength);

		const file = await attachments.download(me, id, list[0]!.id);
		expect(file.headers).toMatchObject({
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="Plan.pdf"; filename*=UTF-8''Plan.pdf`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		});
		const bytes = new Uint8Array(await new Response(file.body as BodyInit).arrayBuffer());
		expect(bytes).toEqual(minimalPdf());

		// The answer row made for the files is not an answer, and its revision is still 0, so
		// that a page loaded before saves over it without a false conflict.
		const view = await assessments.get(me, id);
		expect(view.keyFactors[0]!.answers[0]).toMatchObject({ kind: null, revision: 0 });
		expect(view.keyFactors[0]!.status).toBe('not_started');
		expect(
			await answers.saveAnswers(me, id, [
				{ questionId, response: '2', evidence: 'See the plan.', links: [], revision: 0 }
			])
		).toEqual({ ok: true, saved: 1 });

		const [entry] = await database()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'attachment.add'))
			.orderBy(desc(auditLog.at))
			.limit(1);
		expect(entry).toMatchObject({ entityType: 'attachment', after: { filename: 'photo.png' } });
	});

	it('refuses HTML named .pdf, programs, empty and oversized files, with a reason', async () => {
		const me = await coordinator();
		const html = fileOf('<!doctype html><script>alert(1)</script>', 'x.pdf');
		expect(await attachments.addAttachment(me, id, questionId, html)).toEqual({
			ok: false,
			error: 'attachment_type'
		});
		const exe = new Uint8Array(400);
		exe.set([0x4d, 0x5a]);
		expect(await attachments.addAttachment(me, id, questionId, fileOf(exe, 'x.pdf'))).toEqual({
			ok: false,
			error: 'attachment_type'
		});
		expect(await attachments.addAttachment(me, id, questionId, fileOf('', 'x.pdf'))).toEqual({
			ok: false,
			error: 'attachment_empty'
		});
		const before = process.env.ATTACHMENT_MAX_MB;
		process.env.ATTACHMENT_MAX_MB = '0.0001'; // about 100 bytes
		try {
			expect(
				await attachments.addAttachment(me, id, questionId, fileOf(minimalPdf(), 'big.pdf'))
			).toEqual({ ok: false, error: 'attachment_too_large' });
		} finally {
			if (before === undefined) delete process.env.ATTACHMENT_MAX_MB;
			else process.env.ATTACHMENT_MAX_MB = before;
		}
		expect(
			await attachments.addAttachment(
				me,
				id,
				'00000000-0000-4000-8000-000000000000',
				fileOf(minimalPdf(), 'a.pdf')
			)
		).toEqual({ ok: false, error: 'unknown-question' });
		expect((await attachments.listAttachments(me, id)).length).toBe(2);
	});

	it('keeps at most five files per answer', async () => {
		const me = await coordinator();
		for (let i = 0; i < 3; i++) {
			const r = await attachments.addAttachment(me, id, questionId, fileOf(tinyPng(), `${i}.png`));
			expect(r.ok).toBe(true);
		}
		expect(
			await attachments.addAttachment(me, id, questionId, fileOf(tinyPng(), 'sixth.png'))
		).toEqual({ ok: false, error: 'attachment_too_many' });
	});

	it("keeps a city's files from other cities and the unshared network: 404", async () => {
		const me = await coordinator();
		const [first] = await attachments.listAttachments(me, id);
		const tampere = await actorByEmail('coordinator.tampere@example.org');
		const admin = await actorByEmail('admin@example.org');
		const ngo = await actorByEmail('ngo.lublin@example.org');
		for (const other of [tampere, admin, ngo]) {
			expect(await statusOf(attachments.download(other, id, first!.id))).toBe(404);
			expect(await statusOf(attachments.listAttachments(other, id))).toBe(404);
			expect(await statusOf(attachments.removeAttachment(other, id, first!.id))).toBe(404);
			expect(
				await statusOf(
					attachments.addAttachment(other, id, questionId, fileOf(minimalPdf(), 'a.pdf'))
				)
			).toBe(404);
		}
		expect(await statusOf(attachments.download(null, id, first!.id))).toBe(401);
		expect(await statusOf(attachments.download(me, id, 'not-an-id'))).toBe(404);
		expect(
			await statusOf(attachments.download(me, id, '00000000-0000-4000-8000-000000000000'))
		).toBe(404);
		// The city's other assessment does not reach this one's files.
		const tampereCity = (await cities.bySlug(null, 'tampere'))!.id;
		const theirs = await assessments.start(tampere, tampereCity, {
			benchmark: 'enhancing-public-perception',
			cycle: '2025',
			prefill: false
		});
		if (!theirs.ok) throw new Error(theirs.error);
		expect(await statusOf(attachments.download(tampere, theirs.id, first!.id))).toBe(404);
	});

	it('removes a file (audited, bytes gone) and refuses changes once submitted', async () => {
		const me = await coordinator();
		const [first, second] = await attachments.listAttachments(me, id);
		expect(await attachments.removeAttachment(me, id, first!.id)).toEqual({
			ok: true,
			questionId
		});
		expect(await statusOf(attachments.download(me, id, first!.id))).toBe(404);
		expect((await attachments.listAttachments(me, id)).map((a) => a.id)).not.toContain(first!.id);
		const [entry] = await database()
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'attachment.remove'));
		expect(entry).toMatchObject({ entityId: first!.id, before: { filename: 'Plan.pdf' } });

		expect((await assessments.submit(me, id)).ok).toBe(true);
		expect(
			await attachments.addAttachment(me, id, questionId, fileOf(minimalPdf(), 'late.pdf'))
		).toEqual({ ok: false, error: 'submitted' });
		expect(await attachments.removeAttachment(me, id, second!.id)).toEqual({
			ok: false,
			error: 'submitted'
		});
		// Still readable once submitted.
		expect(await statusOf(attachments.download(me, id, second!.id))).toBe('ok');
	});

	it('brings the files along when the next cycle starts from this one', async () => {
		const me = await coordinator();
		const lublin = (await cities.bySlug(null, 'lublin'))!.id;
		const before = await attachments.listAttachments(me, id);
		const kept = before[0];
		const next = await assessments.start(me, lublin, {
			benchmark: 'enhancing-public-perception',
			cycle: '2026',
			prefill: true
		});
		if (!next.ok) throw new Error(next.error);
		const copied = await attachments.listAttachments(me, next.id);
		const described = (list: typeof before) =>
			list.map((a) => [a.filename, a.contentType, a.size, a.questionId]);
		expect(before.length).toBeGreaterThan(0);
		expect(described(copied)).toEqual(described(before));
		const bytes = async (assessmentId: string, attachmentId: string) =>
			new Uint8Array(
				await new Response(
					(await attachments.download(me, assessmentId, attachmentId)).body as BodyInit
				).arrayBuffer()
			);
		expect(await bytes(next.id, copied[0]!.id)).toEqual(await bytes(id, kept!.id));

		// Removed from the new cycle, the file stays the last cycle's evidence.
		expect((await attachments.removeAttachment(me, next.id, copied[0]!.id)).ok).toBe(true);
		expect(described(await attachments.listAttachments(me, next.id))).toEqual(
			described(before.slice(1))
		);
		expect((await bytes(id, kept!.id)).byteLength).toBe(kept!.size);
	});
});
