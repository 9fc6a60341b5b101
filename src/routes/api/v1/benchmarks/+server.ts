import type { RequestHandler } from './$types';
import * as benchmarks from '#lib/server/benchmarks/service.ts';
import { respond } from '#lib/server/api/http.ts';
import { toThemeList } from '#lib/server/api/benchmarks.ts';

/** Every toolkit theme with its current benchmark (null while a theme has no content yet). */
export const GET: RequestHandler = ({ locals }) =>
	respond('public', async () => toThemeList(await benchmarks.listThemes(locals.actor)));
