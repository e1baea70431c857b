import { getDb } from '$lib/server/db';
import { listUnitsForAdmin } from '$lib/server/units/service';
import { unitTemplateCsv } from '$lib/domain/csv-export';
import { fileResponse } from '$lib/server/file-response';
import type { RequestHandler } from './$types';

/** The organisation's current tree as an importable CSV, headers in the user's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const rows = await listUnitsForAdmin(getDb(), locals.actor, params.org);
	const body = unitTemplateCsv(
		locals.locale,
		rows.filter((r) => !r.unit.archived).map((r) => r.unit)
	);
	return fileResponse(body, 'units.csv');
};
