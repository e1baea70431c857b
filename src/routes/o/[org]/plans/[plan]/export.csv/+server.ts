import { planMeasuresCsv } from '$lib/server/action-plans/plan-export';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** The measures of a plan as CSV, headers and labels in the user's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { filename, csv } = await planMeasuresCsv(
		getDb(),
		locals.actor,
		params.org,
		params.plan,
		locals.locale
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
