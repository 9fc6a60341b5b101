import type { RequestHandler } from './$types';
import { respond } from '#lib/server/api/http.ts';
import { openapi } from '#lib/server/api/openapi.ts';

/** The OpenAPI 3.1 description of this API. */
export const GET: RequestHandler = () => respond('public', async () => openapi);
