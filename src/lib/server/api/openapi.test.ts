import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openapi } from './openapi.ts';
import { at, deref, documentValidator } from './testing.ts';

const routesDir = join(process.cwd(), 'src', 'routes', 'api', 'v1');

/** The API paths the route files answer, in OpenAPI's notation ("[slug]" → "{slug}"). */
function routePaths(dir = routesDir): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return routePaths(path);
		if (entry.name !== '+server.ts') return [];
		const route = relative(routesDir, dir).split(sep).filter(Boolean);
		return ['/' + route.map((s) => s.replace(/^\[(\w+)\]$/, '{$1}')).join('/')];
	});
}

/** Every `$ref` in a value, with where it was found. */
function refs(value: unknown, where = '#'): { ref: string; where: string }[] {
	if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${where}/${i}`));
	if (typeof value !== 'object' || value === null) return [];
	return Object.entries(value).flatMap(([key, v]) =>
		key === '$ref' && typeof v === 'string' ? [{ ref: v, where }] : refs(v, `${where}/${key}`)
	);
}

describe('the OpenAPI document', () => {
	it('is a valid OpenAPI 3.1 document', async () => {
		const result = await new Validator().validate(openapi);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(openapi.openapi).toBe('3.1.0');
		expect(openapi.info).toMatchObject({ title: 'Integrating Cities API', version: '1' });
		expect(openapi.servers).toEqual([{ url: '/api/v1', description: expect.any(String) }]);
	});

	it('is checked by a validator that does reject a broken document', async () => {
		const broken = JSON.parse(JSON.stringify(openapi));
		delete broken.info.title;
		broken.paths['/cities'].get.responses = { '200': { content: {} } };
		const result = await new Validator().validate(broken);
		expect(result.valid).toBe(false);
	});

	it('survives JSON as it is served (nothing but plain data in it)', () => {
		expect(JSON.parse(JSON.stringify(openapi))).toEqual(openapi);
	});

	it('describes exactly the routes under /api/v1, no more, no fewer', () => {
		const routes = routePaths()
			.filter((p) => !p.includes('[...'))
			.sort();
		expect(Object.keys(openapi.paths).sort()).toEqual(routes);
	});

	it('resolves every reference and uses every schema', () => {
		for (const { ref, where } of refs(openapi)) {
			expect(() => deref(openapi, { $ref: ref }), `${ref} at ${where}`).not.toThrow();
		}
		const used = new Set(refs(openapi).map((r) => r.ref));
		for (const name of Object.keys(openapi.components.schemas)) {
			expect(used, `schema ${name} is never referenced`).toContain(`#/components/schemas/${name}`);
		}
	});

	it('gives every operation a plain description, an id, and its responses as JSON', () => {
		for (const [path, item] of Object.entries(openapi.paths)) {
			const op = item.get;
			expect(op.operationId, path).toMatch(/^[a-z][A-Za-z]+$/);
			expect(op.summary.length, path).toBeGreaterThan(10);
			expect(op.description.length, path).toBeGreaterThan(40);
			for (const [status, response] of Object.entries(op.responses)) {
				const schema = at(deref(openapi, response), 'content', 'application/json', 'schema');
				expect(schema, `${path} ${status}`).toBeDefined();
			}
			for (const name of path.match(/\{\w+\}/g) ?? []) {
				const params = ('parameters' in op ? op.parameters : []).map((p) => deref(openapi, p));
				expect(params, `${path} documents ${name}`).toContainEqual(
					expect.objectContaining({ name: name.slice(1, -1), in: 'path', required: true })
				);
			}
		}
	});

	it('has schemas that compile in strict JSON Schema 2020-12, and fix the shape of objects', () => {
		const validator = documentValidator(openapi);
		for (const [name, schema] of Object.entries(openapi.components.schemas)) {
			expect(() => validator.schema(name), name).not.toThrow();
			if (schema.type === 'object' && name !== 'OpenApiDocument') {
				expect(schema.additionalProperties, name).toBe(false);
			}
		}
	});

	it('rejects a response that drifts from the documented shape', () => {
		const validator = documentValidator(openapi);
		const error = validator.schema('Error');
		expect(error({ error: { status: 404, message: 'Not found' } })).toBe(true);
		expect(error({ error: { status: 404, message: 'Not found', stack: '…' } })).toBe(false);
		expect(error({ error: { status: 404 } })).toBe(false);
		expect(error({ message: 'Not found' })).toBe(false);
		const city = validator.schema('CityRef');
		expect(city({ slug: 'lublin', name: 'Lublin', country: 'PL' })).toBe(true);
		expect(city({ slug: 'lublin', name: 'Lublin', country: 'PL', id: 'x' })).toBe(false);
		expect(city({ slug: 'Lublin!', name: 'Lublin', country: 'Poland' })).toBe(false);
	});
});
