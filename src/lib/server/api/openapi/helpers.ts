// The pieces the API description is built of: JSON Schema shapes, and the parts of an
// operation (its 200 answer, its errors, its parameters) that name the document's components.
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../http.ts';

export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const text = (description: string): Schema => ({ type: 'string', description });
export const nullableText = (description: string): Schema => ({
	type: ['string', 'null'],
	description
});
export const integer = (description: string, minimum?: number): Schema =>
	minimum === undefined
		? { type: 'integer', description }
		: { type: 'integer', minimum, description };
export const nullable = (schema: Schema, description: string): Schema => ({
	description,
	anyOf: [schema, { type: 'null' }]
});
export const list = (items: Schema, description: string): Schema => ({
	type: 'array',
	description,
	items
});

/** An object of fixed shape: exactly these properties, all present (null where allowed). */
export function object(description: string, properties: Record<string, Schema>): Schema {
	return {
		type: 'object',
		description,
		additionalProperties: false,
		required: Object.keys(properties),
		properties
	};
}

export const slug = (description: string): Schema => ({
	type: 'string',
	pattern: SLUG_PATTERN,
	maxLength: SLUG_MAX_LENGTH,
	description
});

export function ok(
	description: string,
	schema: string,
	cache: 'PublicCache' | 'PrivateCache' | 'AssessmentCache' | 'EngagementCache' | 'ResultsCache'
) {
	return {
		description,
		headers: { 'Cache-Control': { $ref: `#/components/headers/${cache}` } },
		content: { 'application/json': { schema: ref(schema) } }
	};
}

export const errors = {
	badRequest: { $ref: '#/components/responses/BadRequest' },
	unauthorized: { $ref: '#/components/responses/Unauthorized' },
	notFound: { $ref: '#/components/responses/NotFound' }
};

export const parameter = (name: string) => ({ $ref: `#/components/parameters/${name}` });
