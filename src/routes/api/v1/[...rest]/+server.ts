import type { RequestHandler } from './$types';
import { errorResponse } from '#lib/server/api/http.ts';

/** Any other address under /api/v1 answers in the API's error shape, not with an HTML page. */
export const fallback: RequestHandler = () => errorResponse(404, 'Not found');
