import { getDb } from '$lib/server/db';
import { getUnit } from '$lib/server/units/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { unit, ancestors, subtree } = await getUnit(getDb(), locals.actor, params.org, params.unit);
	return {
		unit: { id: unit.id, code: unit.code, name: unit.name, headcount: unit.headcount },
		ancestors,
		subtree: subtree.map((r) => ({
			id: r.unit.id,
			code: r.unit.code,
			name: r.unit.name,
			depth: r.depth,
			headcount: r.unit.headcount,
			subtreeHeadcount: r.subtreeHeadcount
		}))
	};
};
