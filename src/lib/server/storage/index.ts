// The storage the app uses: files on disk, in UPLOADS_DIR (default ./uploads).
//
// An S3-compatible store (S3, MinIO, Scaleway, OVH…) plugs in by implementing `Storage`
// (storage.ts) — put → PutObject, get → GetObject (its Body is a ReadableStream), delete →
// DeleteObject — and being returned here when, say, S3_BUCKET is set. Keys stay uuids, so
// they make safe object names as they are.
import { DiskStorage } from './disk.ts';
import type { Storage } from './storage.ts';

export type { Storage, StoredObject } from './storage.ts';
export { newKey } from './storage.ts';

let configured: Storage | undefined;

export function storage(): Storage {
	configured ??= new DiskStorage(process.env.UPLOADS_DIR ?? 'uploads');
	return configured;
}

/** Tests use a store of their own (a temporary folder); undefined goes back to the default. */
export function useStorage(s: Storage | undefined) {
	configured = s;
}
