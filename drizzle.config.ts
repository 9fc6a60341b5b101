import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema; the app applies them at start (see src/lib/server/db).
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle'
});
