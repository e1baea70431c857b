import { signalsCsv } from '$lib/server/analytics/signals-export';
import { getDb } from '$lib/server/db';
import { fileResponse } from '$lib/server/file-response';
import type { RequestHandler } from './$types';

/** The signals view's table of units as CSV, in the user's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { filename, csv } = await signalsCsv(getDb(), locals.actor, params.org, locals.locale);
	return fileResponse(csv, filename);
};
