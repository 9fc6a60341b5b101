// For the tests: validates responses against what the OpenAPI document says of them, with
// Ajv's JSON Schema 2020-12 (the dialect of OpenAPI 3.1) in strict mode, so a response, or a
// schema, that drifts from the document fails.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import { isUuid } from '../validation.ts';

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
