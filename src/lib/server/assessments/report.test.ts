import { describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import * as cities from '../cities/service.ts';
import * as assessments from './service.ts';
import * as answers from './answers.ts';
import { csvCell, report, toCsv } from './report.ts';
import { publishedReport, reportOfCity } from './http.ts';
import { isHttpError } from '@sveltejs/kit';

describe('CSV cells', () => {
	it('quotes, doubles quotes and defuses formulas', () => {
		expect(csvCell('plain')).toBe('"plain"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
		expect(csvCell('-1')).toBe('"\'-1"');
	});
});

describe.each(engines())('assessment report on %s', (engine) => {
	useTestDatabase(engine, { demo: true });

	it('shows how near, what more to do, the change since the last cycle and inspiration', async () => {
		const me = await actorByEmail('coordinator.lublin@example.org');
		const lublin = (await cities.bySlug(null, 'lublin'))!.id;
		const first = await assessments.start(me, lublin, {
			benchmark: 'enhancing-public-perception',
			cycle: '2013',
			prefill: false
		});
		if (!first.ok) throw new Error(first.error);
		const view = await assessments.get(me, first.id);
		const [kf1, kf2] = view.keyFactors;
		await answers.saveAnswers(me, first.id, [
			...kf1!.guideQuestions.map((q) => ({
				questionId: q.id,
				response: '3' as const,
				evidence: '',
				links: [],
				revision: 0
			})),
			{
				questionId: kf2!.guideQuestions[0]!.id,
				response: '1' as const,
				evidence: 'Planned for 2014.',
				links: [],
				revision: 0
			},
			{
				questionId: kf2!.guideQuestions[1]!.id,
				response: 'not_applicable' as const,
				evidence: '',
				links: [],
				revision: 0
			}
		]);
		const r = await report(me, first.id);
		expect(r.summary).toMatchObject({
			score: 50,
			meeting: 1,
			judged: 2,
			total: 11,
			belowInPlace: 1
		});
		expect(r.keyFactors[0]).toMatchObject({ score: 75, meetsStandard: true });
		expect(r.keyFactors[1]).toMatchObject({ score: 25, meetsStandard: false });
		expect(r.keyFactors[1]!.belowInPlace).toEqual([
			expect.objectContaining({ rating: 1, evidence: 'Planned for 2014.' })
		]);
		expect(r.keyFactors[1]!.notApplicable).toHaveLength(1);
		expect(r.keyFactors[2]).toMatchObject({ score: null, meetsStandard: null });
		// Inspiration for the weakest key factor comes from other cities (inspiration.test.ts).
		expect(r.inspiration[0]!.slug).toBe(kf2!.slug);
		expect(r.inspiration[0]!.suggestions.length).toBeGreaterThan(0);
		for (const s of r.inspiration[0]!.suggestions) {
			expect(s.cities.map((c) => c.slug)).not.toContain('lublin');
		}

		const csv = toCsv(r);
		const lines = csv.trim().split('\r\n');
		expect(lines).toHaveLength(
			1 + view.keyFactors.reduce((n, k) => n + k.guideQuestions.length, 0)
		);
		expect(lines[0]).toMatch(/^"key_factor_number","key_factor"/);

		await assessments.submit(me, first.id);
		const second = await assessments.start(me, lublin, {
			benchmark: 'enhancing-public-perception',
			cycle: '2014',
			prefill: true
		});
		if (!second.ok) throw new Error(second.error);
		await answers.saveAnswers(me, second.id, [
			{
				questionId: kf2!.guideQuestions[0]!.id,
				response: '4',
				evidence: 'Done.',
				links: [],
				revision: 1
			}
		]);
		const next = await report(me, second.id);
		expect(next.summary.previousCycle).toBe('2013');
		expect(next.keyFactors[1]).toMatchObject({ score: 100, change: 75 });
		expect(next.keyFactors[0]).toMatchObject({ change: 0 });
	});

	it('is public only once published, under its own city, and never under another city', async () => {
		const me = await actorByEmail('coordinator.lublin@example.org');
		const lublin = (await cities.bySlug(null, 'lublin'))!.id;
		const tampere = (await cities.bySlug(null, 'tampere'))!.id;
		const [a] = (await assessments.listOfCity(me, lublin)).filter((x) => x.status === 'submitted');
		const status = async (p: Promise<unknown>) => {
			try {
				await p;
				return 200;
			} catch (e) {
				if (isHttpError(e)) return e.status;
				throw e;
			}
		};
		expect(await status(publishedReport(null, 'lublin', a!.id))).toBe(404);
		expect(await status(reportOfCity(me, tampere, a!.id))).toBe(404);
		await assessments.setVisibility(me, a!.id, 'public');
		expect(await status(publishedReport(null, 'lublin', a!.id))).toBe(200);
		expect(await status(publishedReport(null, 'tampere', a!.id))).toBe(404);
		expect((await assessments.publishedOfCity(null, lublin)).map((x) => x.id)).toEqual([a!.id]);
	});
});
