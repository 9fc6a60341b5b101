import { m } from './paraglide/messages.js';

/**
 * A message by its key, for keys that travel as data (validation errors from the server).
 * An unknown key falls back to a generic message rather than showing the key.
 */
export function t(key: string): string {
	const fn = (m as unknown as Record<string, unknown>)[key];
	return typeof fn === 'function' ? (fn as () => string)() : m.error_generic();
}
