import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { engines, useTestDatabase } from '../testing/database.ts';
import { seedContent } from './seed.ts';
import { loadContent } from './files.ts';
import * as schema from '../db/schema.ts';
import { mkdtempSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The EUROCITIES documents the content is taken from (beside the repository, as in CI). */
const seedsDir = join(process.cwd(), '..', 'shared', 'seeds');

describe.each(engines())('content seed on %s', (engine) => {
	const db = useTestDatabase(engine);

	it('loads the benchmark complete: every key factor, question, example and context factor', async () => {
		const file = loadContent().benchmarks[0]!.data;
		const [b] = await db().select().from(schema.benchmark).where(eq(schema.benchmark.slug, file.slug));
		expect(b?.title).toBe('Enhancing public perception on migration and diversity');
		expect(b?.publisher).toBe('EUROCITIES');
		expect(b?.year).toBe(2014);
		const [kf] = await db().select({ n: count() }).from(schema.keyFactor);
		const [q] = await db().select({ n: count() }).from(schema.guideQuestion);
		const [ex] = await db().select({ n: count() }).from(schema.cityExample);
		const [cf] = await db().select({ n: count() }).from(schema.contextFactor);
		expect(kf!.n).toBe(file.keyFactors.length);
		expect(q!.n).toBe(file.keyFactors.reduce((s, k) => s + k.guideQuestions.length, 0));
		expect(ex!.n).toBe(file.keyFactors.reduce((s, k) => s + k.examples.length, 0));
		expect(cf!.n).toBe(file.contextFactors.length);
		expect(kf!.n).toBe(11);
		expect(q!.n).toBe(72);
		expect(ex!.n).toBe(27);
		expect(cf!.n).toBe(7);
	});

	it('is idempotent: a second run adds nothing', async () => {
		const before = await db().select({ n: count() }).from(schema.city);
		const report = await seedContent(db());
		const after = await db().select({ n: count() }).from(schema.city);
		expect(report).toEqual({
			citiesAdded: 0,
			benchmarkVersionsAdded: [],
			practiceVersionsAdded: [],
			engagementsAdded: [],
			surveysAdded: []
		});
		expect(after[0]!.n).toBe(before[0]!.n);
		const versions = await db().select().from(schema.benchmark);
		expect(versions).toHaveLength(1);
	});

	it('loads Tampere mentoring Lublin as seed 000 tells it, once', async () => {
		const [e] = await db()
			.select()
			.from(schema.engagement)
			.where(eq(schema.engagement.slug, 'tampere-mentoring-lublin'));
		expect([e?.title, e?.periodFrom, e?.periodTo, e?.fromSeed]).toEqual([
			'Tampere mentoring Lublin',
			'2012',
			'2014',
			true
		]);
		const parts = await db()
			.select()
			.from(schema.engagementPart)
			.where(eq(schema.engagementPart.engagementId, e!.id));
		const text = (kind: string) => parts.find((p) => p.kind === kind)?.text ?? '';
		expect(text('needs')).toContain('MARKET ITSELF AS A HUB OF INTERNATIONAL TALENT AND SKILL');
		expect(text('mentor_strengths')).toContain('RASMUS ANTI-RACIST CAMPAIGN');
		expect(text('plan').split('\n')).toHaveLength(8);
		expect(text('obstacles')).toBe('Resources');
		const visits = await db()
			.select()
			.from(schema.visit)
			.where(eq(schema.visit.engagementId, e!.id));
		expect(visits.map((v) => [v.place, v.visitedOn])).toEqual([['Lublin', null]]);
		expect(visits[0]?.met).toContain('Nowy Szwajczer Foundation');
		// Every line comes from the seed, word for word.
		const seed = readFileSync(join(seedsDir, '000_ee4af4e5405b18cf.txt'), 'utf8');
		for (const p of parts) {
			for (const line of p.text.split('\n')) {
				expect(seed).toContain(line.replace(/^- /, '').replace(/\.$/, ''));
			}
		}
	});

	it("loads Lublin's action plan as seed 000 tells it: every planned action, the results with their dates", async () => {
		const [e] = await db()
			.select()
			.from(schema.engagement)
			.where(eq(schema.engagement.slug, 'tampere-mentoring-lublin'));
		const [lublin] = await db().select().from(schema.city).where(eq(schema.city.slug, 'lublin'));
		const plans = await db()
			.select()
			.from(schema.actionPlan)
			.where(eq(schema.actionPlan.engagementId, e!.id));
		expect(plans.map((p) => p.cityId)).toEqual([lublin!.id]);
		const actions = await db()
			.select()
			.from(schema.action)
			.where(eq(schema.action.planId, plans[0]!.id))
			.orderBy(schema.action.position);
		// The eight actions of "PLANNING...", as the plan part lists them, with no invented dates.
		const planPart = await db()
			.select()
			.from(schema.engagementPart)
			.where(eq(schema.engagementPart.engagementId, e!.id));
		const listed = planPart
			.find((p) => p.kind === 'plan')!
			.text.split('\n')
			.map((l) => l.replace(/^- /, ''));
		expect(actions.map((a) => a.title)).toEqual(listed);
		expect(actions.every((a) => a.startOn === null && a.dueOn === null)).toBe(true);
		// Done only where the seed's IMPLEMENT list says what came of it.
		expect(actions.filter((a) => a.status === 'done').map((a) => a.position)).toEqual([1, 4, 6]);
		expect(actions.filter((a) => a.status !== 'done').every((a) => a.status === 'planned')).toBe(
			true
		);

		const results = await db()
			.select()
			.from(schema.logEntry)
			.where(eq(schema.logEntry.planId, plans[0]!.id));
		expect(results).toHaveLength(7);
		const byText = (start: string) => results.find((r) => r.text.startsWith(start))!;
		expect(byText('MIGRANT REPRESENTATIVE BODY').happenedOn).toBe('2014-02-12');
		expect(byText('YOUNG JOURNALISTS CONTEST')).toMatchObject({
			happenedOn: null,
			when: 'June–October 2014',
			actionId: actions[3]!.id
		});
		expect(byText('4 MEETINGS')).toMatchObject({ when: 'May–June 2014', actionId: actions[5]!.id });
		expect(byText('Post created')).toMatchObject({ happenedOn: null, actionId: actions[0]!.id });
		// Only the seed's dates: the other results have none.
		expect(results.filter((r) => r.happenedOn || r.when)).toHaveLength(3);
		// Every piece of every result is the seed's, word for word.
		const seed = readFileSync(join(seedsDir, '000_ee4af4e5405b18cf.txt'), 'utf8');
		for (const r of results) for (const piece of r.text.split(': ')) expect(seed).toContain(piece);

		// Seeding again, or over a database seeded before the plan existed, adds no second plan.
		await seedContent(db());
		const again = await db()
			.select({ n: count() })
			.from(schema.action)
			.where(eq(schema.action.planId, plans[0]!.id));
		expect(again[0]!.n).toBe(8);
		await db().delete(schema.actionPlan).where(eq(schema.actionPlan.id, plans[0]!.id));
		await seedContent(db());
		const replanned = await db()
			.select()
			.from(schema.actionPlan)
			.where(eq(schema.actionPlan.engagementId, e!.id));
		expect(replanned).toHaveLength(1);
		const [logCount] = await db().select({ n: count() }).from(schema.logEntry);
		expect(logCount!.n).toBe(7);
	});

	it('publishes changed content as a new version and leaves the published one untouched', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ic-content-'));
		cpSync('content', dir, { recursive: true });
		const file = join(dir, 'benchmarks', 'enhancing-public-perception.json');
		const json = JSON.parse(readFileSync(file, 'utf8'));
		json.keyFactors[0].guideQuestions.push('A question added in a later edition?');
		writeFileSync(file, JSON.stringify(json));

		const report = await seedContent(db(), dir);
		expect(report.benchmarkVersionsAdded).toEqual(['enhancing-public-perception@2']);

		const rows = await db().select().from(schema.benchmark);
		expect(rows.map((r) => [r.version, r.isCurrent]).sort()).toEqual([
			[1, false],
			[2, true]
		]);
		const v1 = rows.find((r) => r.version === 1)!;
		const v1Factors = await db().select().from(schema.keyFactor).where(eq(schema.keyFactor.benchmarkId, v1.id));
		expect(v1Factors).toHaveLength(11);
		const [q] = await db().select({ n: count() }).from(schema.guideQuestion);
		expect(q!.n).toBe(72 + 73);
	});
});
