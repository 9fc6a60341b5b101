// The English messages (messages/en.json), so that journeys check what the page says without
// breaking each time a sentence is reworded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './server.ts';

const messages = JSON.parse(readFileSync(join(root, 'messages', 'en.json'), 'utf8')) as Record<
	string,
	string
>;

/** The English text of a message, with its {placeholders} filled in. */
export function en(key: string, params: Record<string, string | number> = {}): string {
	const text = messages[key];
	if (typeof text !== 'string') throw new Error(`No message ${key} in messages/en.json`);
	return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/** A page's document title: "{title} – Integrating Cities". */
export function title(text: string): string {
	return `${text} – ${en('app_name')}`;
}
