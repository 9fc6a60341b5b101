// The network's shared scores, computed once and kept: for a benchmark, each city's latest
// submitted assessment among those it shared with the network or published (a private
// assessment, a draft or an older cycle never counts), its key factor scores ordered and
// indexed for the distributions (distributions.ts) and the mentors (mentors.ts); and one
// reader's view of them for one assessment (contextOf, which starts with the access check).
//
// Names: another city is named only to a reader who may read its assessment (published: all;
// shared with the network: network admins); to anyone else it is a number.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import { canReadAssessment, requireAssessmentAccess, type Actor } from '../access/index.ts';
import * as benchmarks from '../benchmarks/service.ts';
import * as cityQueries from '../cities/queries.ts';
import { peerGroupKey, peerGroupOf, samePeerGroup, type PeerGroup } from '../cities/similar.ts';
import { isUuid } from '../validation.ts';
import * as queries from './queries.ts';
import * as q from './distribution-queries.ts';
import { quartiles, type Quartiles } from './scoring.ts';

export interface SharedCity extends q.SharedCity {
	peerGroup: PeerGroup;
	/** Its place in Snapshot.cities, to keep per-reader facts in a typed array. */
	index: number;
}

export interface Entry {
	city: SharedCity;
	score: number;
	meetsStandard: boolean;
}

export interface Snapshot {
	cities: SharedCity[];
	/** Per key factor slug, every city's score, highest first. */
	byKeyFactor: Map<string, Entry[]>;
	/** Figures already computed, by peer group ('' for all) and key factor slug. */
	figures: Map<string, Quartiles | null>;
	/** Entries of a peer group, by peer group and key factor slug, highest first (kept). */
	groups: Map<string, Entry[]>;
	/** namesFor's answers, by reader (their roles), a few kept. */
	names: Map<string, Uint8Array>;
	/** likenessByCity's answers, by the traits compared (peer group and country). */
	likeness: Map<string, Uint8Array>;
}

/**
 * The shared scores of a benchmark are computed once and kept until an assessment of it is
 * submitted, reopened, shared or deleted (see sharedFingerprint): a page then costs one small
 * query. Kept per database, so that tests opening several never see each other's figures.
 */
const snapshots = new WeakMap<Db, Map<string, { fingerprint: string; data: Promise<Snapshot> }>>();

export async function snapshot(d: Db, benchmarkSlug: string): Promise<Snapshot> {
	const fingerprint = await q.sharedFingerprint(d, benchmarkSlug);
	let kept = snapshots.get(d);
	if (!kept) snapshots.set(d, (kept = new Map()));
	const hit = kept.get(benchmarkSlug);
	if (hit?.fingerprint === fingerprint) return hit.data;
	const data = readSnapshot(d, benchmarkSlug);
	const entry = { fingerprint, data };
	kept.set(benchmarkSlug, entry);
	data.catch(() => {
		if (kept.get(benchmarkSlug) === entry) kept.delete(benchmarkSlug);
	});
	return data;
}

async function readSnapshot(d: Db, benchmarkSlug: string): Promise<Snapshot> {
	const { cities, scores } = await q.readShared(d, benchmarkSlug);
	const byAssessment = new Map<string, SharedCity>();
	for (const c of cities) {
		byAssessment.set(c.assessmentId, { ...c, peerGroup: peerGroupOf(c), index: byAssessment.size });
	}
	const byKeyFactor = new Map<string, Entry[]>();
	for (const s of scores) {
		const city = byAssessment.get(s.assessmentId);
		if (!city) continue;
		let list = byKeyFactor.get(s.keyFactorSlug);
		if (!list) byKeyFactor.set(s.keyFactorSlug, (list = []));
		list.push({ city, score: s.score, meetsStandard: s.meetsStandard });
	}
	for (const list of byKeyFactor.values()) {
		list.sort((a, b) => b.score - a.score || a.city.name.localeCompare(b.city.name));
	}
	return {
		cities: [...byAssessment.values()],
		byKeyFactor,
		figures: new Map(),
		groups: new Map(),
		names: new Map(),
		likeness: new Map()
	};
}

/**
 * A key factor's entries, overall or within a peer group, highest first; with their scores and
 * city indexes side by side in typed arrays, so that a report's loops over thousands of cities
 * read two small arrays instead of chasing an object per city.
 */
export interface Ranking {
	entries: Entry[];
	scores: Float64Array;
	cities: Uint32Array;
	/** 1 where the city meets the standard on this key factor. */
	meets: Uint8Array;
}

const rankings = new WeakMap<Entry[], Ranking>();

export function rankingOf(entries: Entry[]): Ranking {
	let r = rankings.get(entries);
	if (!r) {
		r = {
			entries,
			scores: Float64Array.from(entries, (e) => e.score),
			cities: Uint32Array.from(entries, (e) => e.city.index),
			meets: Uint8Array.from(entries, (e) => (e.meetsStandard ? 1 : 0))
		};
		rankings.set(entries, r);
	}
	return r;
}

export function entriesOf(data: Snapshot, keyFactorSlug: string, group: PeerGroup | null): Entry[] {
	const all = data.byKeyFactor.get(keyFactorSlug) ?? [];
	if (!group) return all;
	const key = `${peerGroupKey(group)}/${keyFactorSlug}`;
	let entries = data.groups.get(key);
	if (!entries) {
		entries = all.filter((e) => samePeerGroup(e.city.peerGroup, group));
		data.groups.set(key, entries);
	}
	return entries;
}

/** The five-number summary of a key factor's scores, overall or within a peer group. */
export function figuresOf(data: Snapshot, keyFactorSlug: string, group: PeerGroup | null) {
	const key = `${group ? peerGroupKey(group) : ''}/${keyFactorSlug}`;
	if (!data.figures.has(key)) {
		const entries = entriesOf(data, keyFactorSlug, group);
		data.figures.set(key, quartiles(entries.map((e) => e.score)));
	}
	return data.figures.get(key)!;
}

/** How many entries score higher than `score` (they are sorted highest first). */
export function countAbove(scores: Float64Array, score: number): number {
	let low = 0;
	let high = scores.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (scores[mid]! > score) low = mid + 1;
		else high = mid;
	}
	return low;
}

/** May this reader see the other city's name (and so its score)? */
export function canName(actor: Actor | null, c: SharedCity): boolean {
	return canReadAssessment(actor, {
		cityId: c.cityId,
		visibility: c.visibility,
		status: 'submitted'
	});
}

/** How many readers' answers namesFor keeps per snapshot (10 KB each with 10,000 cities). */
const READERS_KEPT = 200;

/**
 * canName for every city of the snapshot, by city index: asked once per kind of reader (what
 * canName depends on is the reader's roles) and kept with the snapshot, since a report asks
 * about every city for each key factor and the answer is the same until the snapshot changes.
 */
export function namesFor(actor: Actor | null, data: Snapshot): Uint8Array {
	const key = JSON.stringify(
		(actor?.memberships ?? []).map((m) => `${m.role}:${m.cityId ?? ''}`).sort()
	);
	let nameable = data.names.get(key);
	if (!nameable) {
		nameable = new Uint8Array(data.cities.length);
		for (const c of data.cities) nameable[c.index] = canName(actor, c) ? 1 : 0;
		if (data.names.size >= READERS_KEPT) data.names.delete(data.names.keys().next().value!);
		data.names.set(key, nameable);
	}
	return nameable;
}

export async function currentBenchmark(actor: Actor | null, slug: string) {
	const b = await benchmarks.getBenchmark(actor, slug);
	if (!b) error(404, 'Not found');
	return b;
}

export interface Context {
	actor: Actor | null;
	assessment: queries.Assessment;
	city: cityQueries.City;
	peerGroup: PeerGroup;
	language: string;
	keyFactors: { number: number; slug: string; title: string }[];
	own: Map<string, { score: number; meetsStandard: boolean }>;
	data: Snapshot;
	/** By city index: 1 where this reader may see the city's name (see canName). */
	nameable: Uint8Array;
	/** The index of this assessment's city in the snapshot, or -1 when it has not shared. */
	ownIndex: number;
}

export async function contextOf(actor: Actor | null, assessmentId: string): Promise<Context> {
	if (!isUuid(assessmentId)) error(404, 'Not found');
	const d = await db();
	const a = await queries.findAssessment(d, assessmentId);
	if (!a) error(404, 'Not found');
	requireAssessmentAccess(actor, a, 'assessment.read');
	const [city, b, own, data] = await Promise.all([
		cityQueries.findCityById(d, a.cityId),
		benchmarks.getBenchmarkById(actor, a.benchmarkId),
		q.listScoresOfAssessment(d, a.id),
		snapshot(d, a.benchmarkSlug)
	]);
	if (!city) error(404, 'Not found');
	if (!b) error(500, 'The benchmark of this assessment is missing.');
	return {
		actor,
		assessment: a,
		city,
		peerGroup: peerGroupOf(city),
		language: b.language,
		keyFactors: b.keyFactors.map((k) => ({ number: k.number, slug: k.slug, title: k.title })),
		own: new Map(own.map((s) => [s.keyFactorSlug, s])),
		data,
		nameable: namesFor(actor, data),
		ownIndex: data.cities.find((c) => c.cityId === city.id)?.index ?? -1
	};
}
