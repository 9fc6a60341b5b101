// The one pg-core schema: every domain's tables, for Drizzle and drizzle-kit.
export * from '../auth/schema.ts';
export * from '../cities/schema.ts';
export * from '../benchmarks/schema.ts';
export * from '../charter/schema.ts';
export * from '../audit/schema.ts';
export * from '../mail/schema.ts';
export * from '../assessments/schema.ts';
export * from '../cache/schema.ts';
export * from '../practices/schema.ts';
export * from '../mentoring/schema.ts';
export * from '../jobs/schema.ts';
export * from '../surveys/schema.ts';
