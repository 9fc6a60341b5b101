// One evidence file, as a download. Under another city's address, or not of this assessment:
// not found.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { download } from '#lib/server/assessments/attachments.ts';
import { requireUser } from '#lib/server/http.ts';

export const GET: RequestHandler = async (event) => {
	const file = await download(
		requireUser(event),
		event.params.assessmentId,
		event.params.attachmentId
	);
	if (file.cityId !== event.params.cityId) {
		if (file.body instanceof ReadableStream) await file.body.cancel();
		error(404, 'Not found');
	}
	return new Response(file.body as BodyInit, { headers: file.headers });
};
