import type { RequestHandler } from './$types';
import * as downloads from '#lib/server/surveys/results-export.ts';
import { requireUser } from '#lib/server/http.ts';
import { getLocale } from '#lib/paraglide/runtime.js';

/** The campaign's answers as CSV, streamed: one row per city × question × cell. */
export const GET: RequestHandler = async (event) =>
	downloads.csvDownload(requireUser(event), event.params.slug, getLocale());
