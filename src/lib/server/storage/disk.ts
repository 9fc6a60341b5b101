// Files in one folder on disk, one file per key plus a small file for its content type.
// Written to a temporary name first and renamed, so a file is there whole or not at all.
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { assertKey, type Storage, type StoredObject } from './storage.ts';

export class DiskStorage implements Storage {
	readonly dir: string;
	#ready: Promise<unknown> | undefined;

	constructor(dir: string) {
		this.dir = resolve(dir);
	}

	#ensureDir() {
		this.#ready ??= mkdir(this.dir, { recursive: true });
		return this.#ready;
	}

	#path(key: string) {
		assertKey(key);
		return join(this.dir, key);
	}

	async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
		const path = this.#path(key);
		await this.#ensureDir();
		const temp = `${path}.${crypto.randomUUID()}.tmp`;
		try {
			await writeFile(`${temp}.type`, contentType, { flag: 'wx' });
			await rename(`${temp}.type`, `${path}.type`);
			await writeFile(temp, bytes, { flag: 'wx' });
			await rename(temp, path);
		} catch (e) {
			await Promise.all([rm(temp, { force: true }), rm(`${temp}.type`, { force: true })]);
			throw e;
		}
	}

	async get(key: string): Promise<StoredObject | undefined> {
		const path = this.#path(key);
		try {
			const info = await stat(path);
			if (!info.isFile()) return undefined;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw e;
		}
		const contentType = await readFile(`${path}.type`, 'utf8').catch(
			() => 'application/octet-stream'
		);
		const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
		return { body, contentType };
	}

	async delete(key: string): Promise<void> {
		const path = this.#path(key);
		await Promise.all([rm(path, { force: true }), rm(`${path}.type`, { force: true })]);
	}
}
