// For the tests: validates responses against what the OpenAPI document says of them, with
// Ajv's JSON Schema 2020-12 (the dialect of OpenAPI 3.1) in strict mode, so a response, or a
// schema, that drifts from the document fails; calls the API's route handlers and checks their
// answers against it; signs in the demo accounts the API tests act as.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { isUuid } from '../validation.ts';
import * as auth from '../auth/service.ts';
import { demoAccounts } from '../content/demo.ts';
import type { Actor } from '../access/index.ts';
import type { OpenApiDocument } from './openapi.ts';

const DOCUMENT_ID = 'https://integrating-cities.invalid/api/v1/openapi.json';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

function isDate(value: string) {
	const m = DATE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === value;
}

/** A value inside the document, by its path of keys; undefined where there is none. */
export function at(value: unknown, ...keys: string[]): unknown {
	let current = value;
	for (const key of keys) {
		if (typeof current !== 'object' || current === null || !(key in current)) return undefined;
		current = (current as Record<string, unknown>)[key];
	}
	return current;
}

/** Follows a local `$ref` ("#/components/…") if the value is one. */
export function deref(doc: object, value: unknown): unknown {
	const pointer = at(value, '$ref');
	if (typeof pointer !== 'string') return value;
	if (!pointer.startsWith('#/')) throw new Error(`Not a local reference: ${pointer}`);
	const target = at(doc, ...pointer.slice(2).split('/').map(unescapePointer));
	if (target === undefined) throw new Error(`Unresolved reference: ${pointer}`);
	return deref(doc, target);
}

function unescapePointer(part: string) {
	return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function createAjv() {
	const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
	ajv.addFormat('date', isDate);
	ajv.addFormat('date-time', (v: string) => DATE_TIME.test(v) && isDate(v.slice(0, 10)));
	ajv.addFormat('uuid', (v: string) => isUuid(v));
	ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
	return ajv;
}

/** Validators for the responses the document describes, by path, method and status. */
export function documentValidator(doc: object) {
	const ajv = createAjv();
	// The document's own keywords are not JSON Schema; declaring them keeps strict mode on.
	ajv.addVocabulary(Object.keys(doc));
	ajv.addSchema(doc, DOCUMENT_ID);
	const compiled = new Map<string, ValidateFunction>();

	function compileRef(pointer: string) {
		let validate = compiled.get(pointer);
		if (!validate) {
			validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
			compiled.set(pointer, validate);
		}
		return validate;
	}

	/** The documented response, or undefined if the document does not have this status. */
	function response(path: string, status: number, method = 'get') {
		const found = at(doc, 'paths', path, method, 'responses', String(status));
		return found === undefined ? undefined : deref(doc, found);
	}

	return {
		/** A validator for one of components.schemas. */
		schema(name: string) {
			return compileRef(`#/components/schemas/${name}`);
		},
		response,
		/** A validator for the JSON body of a documented response. */
		body(path: string, status: number, method = 'get') {
			const r = response(path, status, method);
			const schema = at(r, 'content', 'application/json', 'schema');
			const pointer = at(schema, '$ref');
			if (typeof pointer !== 'string') {
				throw new Error(`${method} ${path} ${status}: no JSON schema reference in the document`);
			}
			return compileRef(pointer);
		},
		/** A validator for a documented response header (e.g. Cache-Control). */
		header(path: string, status: number, name: string, method = 'get') {
			const header = at(response(path, status, method), 'headers', name);
			const pointer = at(header, '$ref');
			if (typeof pointer !== 'string') {
				throw new Error(`${method} ${path} ${status}: header ${name} is not documented`);
			}
			return compileRef(`${pointer}/schema`);
		}
	};
}

/** Ajv's errors, readable in a failed expectation. */
export function errorsOf(validate: ValidateFunction) {
	return (validate.errors ?? [])
		.slice(0, 5)
		.map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
		.join('; ');
}

export type Json = Record<string, unknown>;
export type ApiPath = keyof OpenApiDocument['paths'];
type Handler<E> = (event: E) => Response | Promise<Response>;

/**
 * Calls the API's route handlers and checks each answer against the document: `call`, the
 * document's `validator`, and the documented responses `seen` so far.
 */
export function apiCaller(doc: OpenApiDocument) {
	const validator = documentValidator(doc);
	/** Which documented responses the tests have seen, to check that none is left out. */
	const seen = new Set<string>();

	/**
	 * Calls a route handler as SvelteKit would, with the parts of a RequestEvent the API's
	 * handlers read (params, url, locals.actor), and checks the answer against the document.
	 */
	async function call<E>(
		handler: Handler<E>,
		template: ApiPath,
		params: Record<string, string>,
		options: { actor?: Actor | null; query?: string } = {}
	) {
		const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
			encodeURIComponent(params[name]!)
		);
		const url = new URL(`http://localhost/api/v1${path}${options.query ?? ''}`);
		const event = {
			params,
			url,
			locals: { actor: options.actor ?? null },
			request: new Request(url),
			route: { id: null },
			getClientAddress: () => '127.0.0.1',
			setHeaders: () => {},
			isDataRequest: false,
			isSubRequest: false
		};
		const response = await handler(event as unknown as E);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		const body = (await response.json()) as Json;
		const status = response.status;
		expect(validator.response(template, status), `${template} documents ${status}`).toBeDefined();
		const validBody = validator.body(template, status);
		expect(validBody(body), `${template} ${status}: ${errorsOf(validBody)}`).toBe(true);
		const cache = validator.header(template, status, 'Cache-Control');
		const cacheControl = response.headers.get('cache-control');
		expect(cache(cacheControl), `${template} ${status} cache-control: ${cacheControl}`).toBe(true);
		seen.add(`${template} ${status}`);
		return {
			status,
			body,
			cacheControl,
			cors: response.headers.get('access-control-allow-origin')
		};
	}

	return { call, validator, seen };
}

/**
 * Signs in as a demo account through better-auth, then reads the actor back from the session
 * cookie with `actorFrom`, as the app's hook does for every request.
 */
export async function signIn(email: string): Promise<Actor> {
	const ctx = { origin: 'http://localhost:3000', clientAddress: '127.0.0.1', cookie: null };
	const result = await auth.signIn(ctx, { email, password: demoAccounts().password });
	if (!result.ok) throw new Error(`Sign-in failed for ${email}: ${result.code}`);
	const cookie = result.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	const actor = await auth.actorFrom(new Headers({ cookie }));
	if (!actor) throw new Error(`No session for ${email}`);
	return actor;
}

export type DemoActors = Record<
	'admin' | 'lublinCoordinator' | 'tampereCoordinator' | 'lublinContributor' | 'lublinNgo',
	Actor
>;

/** The demo accounts the API tests act as, signed in one after another. */
export async function signInDemoActors(): Promise<DemoActors> {
	return {
		admin: await signIn('admin@example.org'),
		lublinCoordinator: await signIn('coordinator.lublin@example.org'),
		tampereCoordinator: await signIn('coordinator.tampere@example.org'),
		lublinContributor: await signIn('contributor.lublin@example.org'),
		lublinNgo: await signIn('ngo.lublin@example.org')
	};
}
