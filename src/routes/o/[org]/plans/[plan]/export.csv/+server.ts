import { planMeasuresCsv } from '$lib/server/action-plans/plan-export';
import { getDb } from '$lib/server/db';
import { fileResponse } from '$lib/server/file-response';
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
	return fileResponse(csv, filename);
};
