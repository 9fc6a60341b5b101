import type { Locale } from './paraglide/runtime.js';

/** Each language in its own name: a reader finds theirs whatever the page's language is. */
export const languageNames: Record<Locale, string> = {
	en: 'English',
	fr: 'Français',
	de: 'Deutsch',
	it: 'Italiano',
	es: 'Español',
	pl: 'Polski',
	uk: 'Українська',
	ar: 'العربية'
};

/** Writing direction of a language: content keeps its own, whatever the page's language. */
export function dirOf(lang: string): 'ltr' | 'rtl' {
	return ['ar', 'he', 'fa', 'ur'].includes(lang.slice(0, 2)) ? 'rtl' : 'ltr';
}
