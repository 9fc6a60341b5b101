// Where the bytes of uploaded files live. The database keeps what a file is (name, type, size,
// who uploaded it) and a key; a Storage keeps the bytes under that key. Keys are chosen by the
// app (random uuids), never by the user, so no name can reach outside the store.

export interface StoredObject {
	body: Uint8Array | ReadableStream<Uint8Array>;
	contentType: string;
}

export interface Storage {
	/** Keeps the bytes under the key; a reader never sees a half-written file. */
	put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
	/** The bytes and their type, or undefined when nothing is kept under the key. */
	get(key: string): Promise<StoredObject | undefined>;
	/** Removes what is kept under the key; a missing key is not an error. */
	delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A key the app made (a uuid): anything else — a path, "..", a user's filename — is refused. */
export function assertKey(key: string): void {
	if (!KEY.test(key)) throw new Error('Invalid storage key');
}

export function newKey(): string {
	return crypto.randomUUID();
}
