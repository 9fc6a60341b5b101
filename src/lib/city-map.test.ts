import { describe, expect, it } from 'vitest';
import { bandOf, figureDefs, figures, parseFigure } from './city-map.ts';

describe('the figures of the cities map', () => {
	it('the number of published practices falls into none, one, 2 to 4, 5 or more', () => {
		const band = (n: number | null) => bandOf('practices', n).key;
		expect([null, 0, 1, 2, 3, 4, 5, 9, 120].map(band)).toEqual([
			'none',
			'none',
			'one',
			'some',
			'some',
			'some',
			'many',
			'many',
			'many'
		]);
	});

	it('the practices figure is chosen by ?colour=practices', () => {
		expect(figures).toContain('practices');
		expect(parseFigure('practices')).toBe('practices');
		expect(parseFigure('Practices')).toBe('charter');
	});

	it('keeps the score and Charter bands', () => {
		expect(bandOf('score', 80).key).toBe('high');
		expect(bandOf('score', 50).key).toBe('mid');
		expect(bandOf('score', 49).key).toBe('low');
		expect(bandOf('score', null).key).toBe('none');
		expect(bandOf('charter', true).key).toBe('yes');
		expect(bandOf('charter', false).key).toBe('no');
	});

	it.each(figures)('%s: every band has its own shape and colour, not colour alone', (figure) => {
		const bands = figureDefs[figure].bands;
		expect(new Set(bands.map((b) => b.shape)).size).toBe(bands.length);
		expect(new Set(bands.map((b) => b.colour)).size).toBe(bands.length);
	});
});
