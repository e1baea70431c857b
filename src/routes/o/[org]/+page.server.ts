import { getDb } from '$lib/server/db';
import { listVisibleUnits, unitRowView } from '$lib/server/units/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const rows = await listVisibleUnits(getDb(), locals.actor, params.org);
	return {
		units: rows.map(unitRowView)
	};
};
