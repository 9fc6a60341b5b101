// The practice library: a city drafts a practice, its coordinator submits it to the network,
// a network admin publishes, returns (with a comment) or rejects it. Every save is a new
// version and every version is kept; the public sees only the published one.
import { error } from '@sveltejs/kit';
import { db, type Db } from '../db/index.ts';
import { requireAccess, type Actor } from '../access/index.ts';
import * as audit from '../audit/service.ts';
import { slugify } from '../cities/service.ts';
import { isUuid } from '../validation.ts';
import type { PracticeInput } from './forms.ts';
import * as queries from './queries.ts';
import { optionsOf, viewOf, type Options } from './views.ts';

// What the public reads (search, published practices) is in public.ts; one namespace for routes.
export * from './public.ts';
export type { PracticeView } from './views.ts';

/** What the form offers to choose from: cities, toolkit themes, key factors, commitments. */
export async function options(actor: Actor | null) {
	requireAccess(actor, 'content.read');
	return optionsOf(await db());
}

/** Keeps only what exists; the owner city is always one of the practice's cities. */
function clean(input: PracticeInput, o: Options, ownerSlug: string) {
	const known = (list: string[], valid: string[]) => [
		...new Set(list.filter((x) => valid.includes(x)))
	];
	const cities = known(
		[ownerSlug, ...input.cities],
		o.cities.map((c) => c.slug)
	);
	return {
		title: input.title,
		cities,
		summary: input.summary,
		description: input.description ?? '',
		periodFrom: input.periodFrom,
		periodTo: input.periodTo,
		themes: known(
			input.themes,
			o.themes.map((t) => t.slug)
		),
		keyFactors: input.keyFactors.filter((k) =>
			o.keyFactors.some((x) => x.benchmark === k.benchmark && x.slug === k.slug)
		),
		commitments: known(
			input.commitments,
			o.commitments.map((c) => c.slug)
		),
		audience: input.audience,
		results: input.results,
		resources: input.resources,
		funding: input.funding,
		partners: input.partners,
		contact: input.contact,
		links: input.links,
		language: input.language
	};
}

async function cityOrNotFound(d: Db, cityId: string) {
	const [c] = (await queries.listCityOptions(d)).filter((x) => x.id === cityId);
	if (!c) error(404, 'Not found');
	return c;
}

/** The city's practices with their status (drafts included: the workspace is private). */
export async function listOfCity(actor: Actor | null, cityId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.draft', { cityId });
	return queries.listOfCity(await db(), cityId);
}

export async function create(actor: Actor | null, cityId: string, input: PracticeInput) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.draft', { cityId });
	const d = await db();
	const owner = await cityOrNotFound(d, cityId);
	const fields = clean(input, await optionsOf(d), owner.slug);
	const base = slugify(input.title) || 'practice';
	let slug = base;
	for (let n = 2; await queries.slugTaken(d, slug); n++) slug = `${base}-${n}`;
	return d.transaction(async (tx) => {
		const p = await queries.insertPractice(tx, { slug, cityId, createdBy: actor.userId });
		const version = await queries.insertVersion(tx, p.id, { ...fields, createdBy: actor.userId });
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'practice.create',
			entityType: 'practice',
			entityId: p.id,
			cityId,
			after: { practice: p, version }
		});
		return p;
	});
}

async function ofCity(d: Db, cityId: string, practiceId: string) {
	if (!isUuid(practiceId)) error(404, 'Not found');
	const p = await queries.findById(d, practiceId);
	if (!p || p.cityId !== cityId) error(404, 'Not found');
	return p;
}

/** One practice as its city sees it: status, the admin's comment, the latest text, versions. */
export async function forCity(actor: Actor | null, cityId: string, practiceId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.draft', { cityId });
	const d = await db();
	const p = await ofCity(d, cityId, practiceId);
	const [latest, versions] = await Promise.all([
		queries.latestVersion(d, p.id),
		queries.listVersions(d, p.id)
	]);
	return { practice: p, latest: latest!, versions };
}

export const editable = ['draft', 'returned', 'published'] as const;
export const submittable = ['draft', 'returned'] as const;

/** Saves the form as a new version; a published practice goes back to draft (the public
 * keeps seeing the published version), a returned one stays returned until resubmitted. */
export async function update(
	actor: Actor | null,
	cityId: string,
	practiceId: string,
	input: PracticeInput
) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.draft', { cityId });
	const d = await db();
	const p = await ofCity(d, cityId, practiceId);
	if (!(editable as readonly string[]).includes(p.status))
		error(409, 'This practice cannot be edited now.');
	const owner = await cityOrNotFound(d, cityId);
	const fields = clean(input, await optionsOf(d), owner.slug);
	return d.transaction(async (tx) => {
		const before = await queries.latestVersion(tx, p.id);
		const version = await queries.insertVersion(tx, p.id, { ...fields, createdBy: actor.userId });
		const after = await queries.updatePractice(tx, p.id, {
			status: p.status === 'published' ? 'draft' : p.status
		});
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'practice.edit',
			entityType: 'practice',
			entityId: p.id,
			cityId,
			before: { status: p.status, version: before },
			after: { status: after.status, version }
		});
		return version;
	});
}

/** The coordinator sends the latest version to the network for review. */
export async function submit(actor: Actor | null, cityId: string, practiceId: string) {
	if (!isUuid(cityId)) error(404, 'Not found');
	requireAccess(actor, 'practice.submit', { cityId });
	const d = await db();
	const p = await ofCity(d, cityId, practiceId);
	if (!(submittable as readonly string[]).includes(p.status))
		error(409, 'This practice cannot be submitted now.');
	await d.transaction(async (tx) => {
		const after = await queries.updatePractice(tx, p.id, { status: 'submitted' });
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: 'practice.submit',
			entityType: 'practice',
			entityId: p.id,
			cityId,
			before: { status: p.status },
			after: { status: after.status }
		});
	});
}

/** Practices waiting for the network's review, oldest first. */
export async function queue(actor: Actor | null) {
	requireAccess(actor, 'practice.review');
	const d = await db();
	const [rows, cities] = await Promise.all([
		queries.listByStatus(d, 'submitted'),
		queries.listCityOptions(d)
	]);
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		updatedAt: r.updatedAt,
		cityName: cities.find((c) => c.id === r.cityId)?.name ?? ''
	}));
}

/** A submitted practice as the reviewer sees it; anything else answers 404. */
export async function forReview(actor: Actor | null, practiceId: string) {
	requireAccess(actor, 'practice.review');
	if (!isUuid(practiceId)) error(404, 'Not found');
	const d = await db();
	const p = await queries.findById(d, practiceId);
	if (!p || p.status !== 'submitted') error(404, 'Not found');
	const latest = (await queries.latestVersion(d, p.id))!;
	return { practice: p, view: await viewOf(d, latest) };
}

export type Decision = 'publish' | 'return' | 'reject';
export type ReviewOutcome = { ok: true } | { ok: false; field: string; error: string };

export async function review(
	actor: Actor | null,
	practiceId: string,
	decision: Decision,
	comment: string
): Promise<ReviewOutcome> {
	requireAccess(actor, 'practice.review');
	if (!isUuid(practiceId)) error(404, 'Not found');
	const d = await db();
	const p = await queries.findById(d, practiceId);
	if (!p || p.status !== 'submitted') error(404, 'Not found');
	if (decision === 'return' && comment.trim() === '') {
		return { ok: false, field: 'comment', error: 'error_practice_comment_required' };
	}
	await d.transaction(async (tx) => {
		const latest = (await queries.latestVersion(tx, p.id))!;
		const set =
			decision === 'publish'
				? {
						status: 'published' as const,
						publishedVersionId: latest.id,
						publishedAt: new Date(),
						reviewComment: null
					}
				: {
						status: decision === 'return' ? ('returned' as const) : ('rejected' as const),
						reviewComment: comment.trim() || null
					};
		const after = await queries.updatePractice(tx, p.id, set);
		await audit.record(tx, {
			actorUserId: actor.userId,
			action: `practice.${decision}`,
			entityType: 'practice',
			entityId: p.id,
			cityId: p.cityId,
			before: { status: p.status, publishedVersionId: p.publishedVersionId },
			after: {
				status: after.status,
				publishedVersionId: after.publishedVersionId,
				reviewComment: after.reviewComment,
				version: latest.number
			}
		});
	});
	return { ok: true };
}

/** The latest version of a city's practice, as the form and the workspace page show it. */
export async function latestView(actor: Actor | null, cityId: string, practiceId: string) {
	const detail = await forCity(actor, cityId, practiceId);
	return { ...detail, view: await viewOf(await db(), detail.latest) };
}
