import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from './paraglide/messages.js';

const LOCALES = ['fr', 'de', 'it', 'es', 'pl', 'uk', 'ar'] as const;

type Messages = Record<string, string>;

function readMessages(locale: string): Messages {
	const file = join(process.cwd(), 'messages', `${locale}.json`);
	return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

/** The {placeholders} of a message, as a sorted list without duplicates. */
function placeholders(text: string | undefined): string[] {
	return [...new Set((text ?? '').match(/\{[^{}]*\}/g) ?? [])].sort();
}

const en = readMessages('en');
const keys = Object.keys(en).filter((key) => key !== '$schema');

describe.each(LOCALES)('messages/%s.json', (locale) => {
	const messages = readMessages(locale);

	it('has every key of en.json as a non-empty string', () => {
		const missing = keys.filter(
			(key) => typeof messages[key] !== 'string' || messages[key].trim() === ''
		);
		expect(missing).toEqual([]);
	});

	it('keeps the placeholders of each English message', () => {
		const mismatched = keys
			.filter((key) => typeof messages[key] === 'string')
			.filter((key) => placeholders(messages[key]).join() !== placeholders(en[key]).join())
			.map((key) => ({
				key,
				en: placeholders(en[key]),
				[locale]: placeholders(messages[key])
			}));
		expect(mismatched).toEqual([]);
	});

	it('has no key that en.json lacks', () => {
		const extra = Object.keys(messages).filter((key) => !(key in en));
		expect(extra).toEqual([]);
	});
});

describe('compiled messages', () => {
	it('render the translation of the requested locale', () => {
		const english = m.nav_toolkits({}, { locale: 'en' });
		expect(m.nav_toolkits({}, { locale: 'fr' })).not.toBe(english);
		expect(m.nav_toolkits({}, { locale: 'ar' })).toMatch(/[\u0600-\u06FF]/);
	});
});
