import { can } from '$lib/server/access';
import { unitResults } from '$lib/server/analytics/unit';
import { getDb } from '$lib/server/db';
import { getUnit, unitRowView } from '$lib/server/units/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getDb();
	const { unit, ancestors, subtree } = await getUnit(db, locals.actor, params.org, params.unit);
	// The unit's results, for those who may see results (not an administrator setting up the tree).
	const results = can(locals.actor, 'analytics.view', { organisationId: params.org })
		? await unitResults(db, locals.actor, params.org, unit.id)
		: null;
	return {
		unit: { id: unit.id, code: unit.code, name: unit.name, headcount: unit.headcount },
		ancestors,
		subtree: subtree.map(unitRowView),
		results
	};
};
