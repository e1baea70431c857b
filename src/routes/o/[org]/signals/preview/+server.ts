import { json } from '@sveltejs/kit';
import { ValidationError } from '$lib/domain/validation';
import { previewUpload } from '$lib/server/signals/mapping-service';
import type { RequestHandler } from './$types';

/** The header and first rows of a file the browser cannot read itself (an Excel workbook). */
export const POST: RequestHandler = async ({ request, locals, params }) => {
	try {
		return json(await previewUpload(locals.actor, params.org, request), {
			headers: { 'cache-control': 'no-store' }
		});
	} catch (e) {
		if (e instanceof ValidationError) return json({ problems: e.problems }, { status: 400 });
		throw e;
	}
};
