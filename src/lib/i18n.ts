import { m } from './paraglide/messages.js';

/**
 * A message by its key, for keys that travel as data (validation errors from the server).
 * An unknown key falls back to a generic message rather than showing the key.
 */
export function t(key: string): string {
	// A message with parameters travels as "key|{json}"; a parameter that is itself a message
	// (a table cell's reason) is "@" and its own encoded message.
	const bar = key.indexOf('|');
	const name = bar < 0 ? key : key.slice(0, bar);
	const fn = (m as unknown as Record<string, unknown>)[name];
	if (typeof fn !== 'function') return m.error_generic();
	if (bar < 0) return (fn as () => string)();
	let params: Record<string, string>;
	try {
		params = JSON.parse(key.slice(bar + 1)) as Record<string, string>;
	} catch {
		return m.error_generic();
	}
	for (const [k, v] of Object.entries(params))
		if (typeof v === 'string' && v.startsWith('@')) params[k] = t(v.slice(1));
	return (fn as (p: Record<string, string>) => string)(params);
}
