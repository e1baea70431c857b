import { getDb } from '$lib/server/db';
import { listVisibleUnits } from '$lib/server/units/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const rows = await listVisibleUnits(getDb(), locals.actor, params.org);
	return {
		units: rows.map((r) => ({
			id: r.unit.id,
			code: r.unit.code,
			name: r.unit.name,
			depth: r.depth,
			headcount: r.unit.headcount,
			subtreeHeadcount: r.subtreeHeadcount
		}))
	};
};
