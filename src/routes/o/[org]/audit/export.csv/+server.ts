import { auditCsv } from '$lib/server/audit/service';
import { getDb } from '$lib/server/db';
import { fileResponse } from '$lib/server/file-response';
import type { RequestHandler } from './$types';

/** The audit log as CSV, with the page's filter, headers and labels in the user's language. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { filename, csv } = await auditCsv(
		getDb(),
		locals.actor,
		params.org,
		url.searchParams,
		locals.locale
	);
	return fileResponse(csv, filename);
};
