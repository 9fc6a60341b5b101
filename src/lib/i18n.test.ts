import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from './paraglide/messages.js';
import { t } from './i18n.ts';

const LOCALES = ['fr', 'de', 'it', 'es', 'pl', 'uk', 'ar'] as const;

/** A message with variants (plural forms): `[{ declarations, selectors, match }]`. */
type Variants = [{ match: Record<string, string> }];
type Messages = Record<string, string | Variants>;

function readMessages(locale: string): Messages {
	const file = join(process.cwd(), 'messages', `${locale}.json`);
	return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

/** The {placeholders} of a message, as a sorted list without duplicates. */
function placeholders(text: string | undefined): string[] {
	return [...new Set((text ?? '').match(/\{[^{}]*\}/g) ?? [])].sort();
}

/** Every text a message can render: itself, or each of its variants. */
function texts(value: string | Variants | undefined): string[] {
	if (typeof value === 'string') return [value];
	return Array.isArray(value) ? Object.values(value[0]?.match ?? {}) : [];
}

/** The variant used when no other matches (its key ends in "=*"), or the message itself. */
function fallback(value: string | Variants | undefined): string | undefined {
	if (typeof value !== 'object') return value;
	return Object.entries(value[0]?.match ?? {}).find(([k]) => k.endsWith('=*'))?.[1];
}

const en = readMessages('en');
const keys = Object.keys(en).filter((key) => key !== '$schema');

describe.each(LOCALES)('messages/%s.json', (locale) => {
	const messages = readMessages(locale);

	it('has every key of en.json as a non-empty string', () => {
		const missing = keys.filter((key) => {
			const all = texts(messages[key]);
			return all.length === 0 || all.some((t) => typeof t !== 'string' || t.trim() === '');
		});
		expect(missing).toEqual([]);
	});

	it('keeps the placeholders of each English message', () => {
		// With plural forms, the catch-all variant keeps them all; another (Arabic "one day")
		// may spell the number out, but never brings a placeholder of its own.
		const mismatched = keys
			.filter((key) => fallback(en[key]) !== undefined)
			.filter((key) => {
				const known = new Set(texts(en[key]).flatMap((t) => placeholders(t)));
				return (
					placeholders(fallback(messages[key])).join() !== placeholders(fallback(en[key])).join() ||
					texts(messages[key]).some((t) => placeholders(t).some((p) => !known.has(p)))
				);
			})
			.map((key) => ({
				key,
				en: placeholders(fallback(en[key])),
				[locale]: placeholders(fallback(messages[key]))
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

describe('a message key travelling as data', () => {
	it('reads plain keys, keys with parameters, and a parameter that is itself a message', () => {
		expect(t('sr_error_required')).toBe(m.sr_error_required());
		expect(t('sr_error_number_between|{"min":"0","max":"100"}')).toBe(
			m.sr_error_number_between({ min: '0', max: '100' })
		);
		expect(
			t(
				'sr_error_cell|{"cell":"2015 – Transit","reason":"@sr_error_number_min|{\\"min\\":\\"0\\"}"}'
			)
		).toBe(
			m.sr_error_cell({ cell: '2015 – Transit', reason: m.sr_error_number_min({ min: '0' }) })
		);
		// Unknown keys and broken parameters show the generic message, never the key.
		expect(t('no_such_key')).toBe(m.error_generic());
		expect(t('sr_error_number_min|{oops')).toBe(m.error_generic());
	});
});
