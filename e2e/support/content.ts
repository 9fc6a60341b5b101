// The seeded content the journeys check the pages against (content/ is what the app seeds).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './server.ts';

function json<T>(path: string): T {
	return JSON.parse(readFileSync(join(root, 'content', path), 'utf8')) as T;
}

export interface BenchmarkContent {
	slug: string;
	title: string;
	standard: string;
	keyFactors: {
		number: number;
		slug: string;
		title: string;
		guideQuestions: unknown[];
		examples: { citySlug: string; title: string }[];
	}[];
}

export interface CityContent {
	slug: string;
	name: string;
	country: string;
}

export const benchmark = json<BenchmarkContent>('benchmarks/enhancing-public-perception.json');

export const cities = ((): CityContent[] => {
	const raw = json<unknown>('cities.json');
	const list = Array.isArray(raw) ? raw : (raw as { cities: unknown[] }).cities;
	return list as CityContent[];
})();

export function cityName(slug: string): string {
	const city = cities.find((c) => c.slug === slug);
	if (!city) throw new Error(`No city ${slug} in content/cities.json`);
	return city.name;
}

/** A short random suffix, so that journeys never collide with earlier runs' data. */
export function unique(): string {
	return Math.random().toString(36).slice(2, 8);
}
