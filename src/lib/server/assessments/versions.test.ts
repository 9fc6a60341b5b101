// A benchmark gets a new version while a city is answering the old one: the assessment keeps
// its version and its questions, a form loaded before still saves, a question of the new
// version is refused with a reason, and the next assessment starts on the new version.
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engines, useTestDatabase } from '../testing/database.ts';
import { actorByEmail } from '../testing/actors.ts';
import { seedContent } from '../content/seed.ts';
import * as benchmarks from '../benchmarks/service.ts';
import * as cities from '../cities/service.ts';
import * as assessments from './service.ts';
import * as answers from './answers.ts';

const BENCHMARK = 'enhancing-public-perception';
const ADDED = 'A question added in a later edition?';

describe.each(engines())('a new benchmark version during an assessment, on %s', (engine) => {
	const db = useTestDatabase(engine, { demo: true });
	const cityId = async (slug: string) => (await cities.bySlug(null, slug))!.id;

	it('keeps the old version for the open assessment and starts the next one on the new', async () => {
		const lublin = await actorByEmail('coordinator.lublin@example.org');
		const lublinId = await cityId('lublin');
		const open = (await assessments.listOfCity(lublin, lublinId)).find(
			(a) => a.status === 'in_progress'
		);
		let id = open?.id;
		if (!id) {
			const outcome = await assessments.start(lublin, lublinId, {
				benchmark: BENCHMARK,
				cycle: '2027',
				prefill: false
			});
			if (!outcome.ok) throw new Error(outcome.error);
			id = outcome.id;
		}
		// The page as loaded before the new version: its first question and revision.
		const before = await assessments.get(lublin, id);
		const question = before.keyFactors[0]!.guideQuestions[0]!;
		const revision = before.keyFactors[0]!.answers[0]!.revision;
		expect((await benchmarks.getBenchmark(null, BENCHMARK))?.version).toBe(1);

		// The network publishes an edition with one more question in key factor 1.
		const dir = mkdtempSync(join(tmpdir(), 'ic-content-'));
		cpSync('content', dir, { recursive: true });
		const file = join(dir, 'benchmarks', `${BENCHMARK}.json`);
		const json = JSON.parse(readFileSync(file, 'utf8'));
		json.keyFactors[0].guideQuestions.push(ADDED);
		writeFileSync(file, JSON.stringify(json));
		expect((await seedContent(db(), dir)).benchmarkVersionsAdded).toEqual([`${BENCHMARK}@2`]);

		// Readers see the new version at once (nothing kept from before it).
		const current = await benchmarks.getBenchmark(null, BENCHMARK);
		expect(current?.version).toBe(2);
		expect(current?.keyFactors[0]!.guideQuestions.map((q) => q.text)).toContain(ADDED);

		// The open assessment still has version 1, marked as no longer current.
		const after = await assessments.get(lublin, id);
		expect(after.benchmark).toMatchObject({ version: 1, isCurrent: false });
		expect(after.keyFactors[0]!.guideQuestions.map((q) => q.text)).not.toContain(ADDED);

		// The form loaded before saves as it would have.
		expect(
			await answers.saveAnswers(lublin, id, [
				{ questionId: question.id, response: '2', evidence: 'Kept.', links: [], revision }
			])
		).toEqual({ ok: true, saved: 1 });

		// A question of the new version is not one of this assessment's: refused, with a reason.
		const added = current!.keyFactors[0]!.guideQuestions.find((q) => q.text === ADDED)!;
		expect(
			await answers.saveAnswers(lublin, id, [
				{ questionId: added.id, response: '2', evidence: '', links: [], revision: 0 }
			])
		).toEqual({ ok: false, reason: 'unknown-question' });

		// Another city starting now answers the new version.
		const tampere = await actorByEmail('coordinator.tampere@example.org');
		const started = await assessments.start(tampere, await cityId('tampere'), {
			benchmark: BENCHMARK,
			cycle: '2027',
			prefill: true
		});
		if (!started.ok) throw new Error(started.error);
		const fresh = await assessments.get(tampere, started.id);
		expect(fresh.benchmark).toMatchObject({ version: 2, isCurrent: true });
		expect(fresh.keyFactors[0]!.guideQuestions.map((q) => q.text)).toContain(ADDED);
	});
});
