import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskStorage } from './disk.ts';
import { newKey } from './storage.ts';
import { contentDisposition, detectAccepted, safeFilename } from './file-types.ts';
import { minimalPdf, tinyPng } from '../testing/files.ts';

async function bytesOf(body: Uint8Array | ReadableStream<Uint8Array>) {
	if (body instanceof Uint8Array) return body;
	return new Uint8Array(await new Response(body).arrayBuffer());
}

describe('disk storage', () => {
	const dir = mkdtempSync(join(tmpdir(), 'ic-storage-'));
	const store = new DiskStorage(join(dir, 'uploads'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('keeps, reads and deletes bytes under a uuid key, leaving no temporary file', async () => {
		const key = newKey();
		await store.put(key, new Uint8Array([1, 2, 3]), 'application/pdf');
		const got = await store.get(key);
		expect(got?.contentType).toBe('application/pdf');
		expect([...(await bytesOf(got!.body))]).toEqual([1, 2, 3]);
		expect(readdirSync(join(dir, 'uploads')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
		await store.delete(key);
		expect(await store.get(key)).toBeUndefined();
		await store.delete(key); // deleting twice is fine
	});

	it('refuses any key that is not a uuid: no path can reach outside the folder', async () => {
		for (const key of ['../x', '/etc/passwd', 'a/b', '..', 'report.pdf', '']) {
			await expect(store.put(key, new Uint8Array([1]), 'text/plain')).rejects.toThrow();
			await expect(store.get(key)).rejects.toThrow();
			await expect(store.delete(key)).rejects.toThrow();
		}
	});
});

describe('file types, from the bytes', () => {
	const text = (s: string) => new TextEncoder().encode(s);
	const cfb = new Uint8Array(600);
	cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

	it('accepts PDF and images whatever their name, and refuses HTML, SVG and programs', async () => {
		expect((await detectAccepted(minimalPdf(), 'x.bin'))?.mime).toBe('application/pdf');
		expect((await detectAccepted(tinyPng(), 'photo.png'))?.mime).toBe('image/png');
		expect(await detectAccepted(text('<!doctype html><p>hi'), 'x.pdf')).toBeUndefined();
		expect(
			await detectAccepted(text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 'x.png')
		).toBeUndefined();
		const exe = new Uint8Array(300);
		exe.set([0x4d, 0x5a]);
		expect(await detectAccepted(exe, 'x.pdf')).toBeUndefined();
	});

	it('accepts a compound file only as .doc, .xls or .ppt', async () => {
		expect((await detectAccepted(cfb, 'old.DOC'))?.mime).toBe('application/msword');
		expect((await detectAccepted(cfb, 'old.xls'))?.mime).toBe('application/vnd.ms-excel');
		expect(await detectAccepted(cfb, 'old.msi')).toBeUndefined();
	});

	it('keeps a safe name that ends as what the file is', async () => {
		const pdf = (await detectAccepted(minimalPdf(), 'x'))!;
		expect(safeFilename('../../etc/Plan 2025.pdf', pdf)).toBe('Plan 2025.pdf');
		expect(safeFilename('C:\\docs\\report.PDF', pdf)).toBe('report.PDF');
		expect(safeFilename('page.html', pdf)).toBe('page.html.pdf');
		expect(safeFilename('', pdf)).toBe('file.pdf');
		expect(safeFilename('a\u0000b\n"c".pdf', pdf)).toBe('abc.pdf');
	});

	it('names the download in any language, safely quoted', () => {
		expect(contentDisposition('Plan łódzki (2025).pdf')).toBe(
			`attachment; filename="Plan __dzki (2025).pdf"; filename*=UTF-8''Plan%20%C5%82%C3%B3dzki%20%282025%29.pdf`
		);
	});
});
