import { signalsCsv } from '$lib/server/analytics/signals-export';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** The signals view's table of units as CSV, in the user's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { filename, csv } = await signalsCsv(getDb(), locals.actor, params.org, locals.locale);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
