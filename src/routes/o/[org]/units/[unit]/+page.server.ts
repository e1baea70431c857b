import { can } from '$lib/server/access';
import { measuresToReview } from '$lib/server/action-plans/evaluation';
import { listMeasures } from '$lib/server/action-plans/service';
import { unitResults } from '$lib/server/analytics/unit';
import { recordUnitResultsOpened } from '$lib/server/audit/service';
import { getDb } from '$lib/server/db';
import { getUnit, unitRowView } from '$lib/server/units/service';
import { DIMENSION_TARGETS } from '../../measures/form';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getDb();
	const { unit, ancestors, subtree } = await getUnit(db, locals.actor, params.org, params.unit);
	// The unit's results, for those who may see results (not an administrator setting up the tree).
	const results = can(locals.actor, 'analytics.view', { organisationId: params.org })
		? await unitResults(db, locals.actor, params.org, unit.id)
		: null;
	// The audit log keeps who opened which unit's results (not what they saw).
	if (results) await recordUnitResultsOpened(db, locals.actor, params.org, unit);
	// The unit's measures, for those who follow action plans (for a manager: within their subtree).
	const unitPath = [...ancestors.map((a) => a.id), unit.id];
	const listed = can(locals.actor, 'measure.view', { organisationId: params.org, unitPath })
		? await listMeasures(db, locals.actor, params.org, { unitId: unit.id })
		: null;
	const measures = listed?.map(({ organisationId: _o, createdAt: _c, updatedAt: _u, ...m }) => m) ?? null;
	const review = listed ? [...(await measuresToReview(db, params.org, listed))] : [];
	return {
		unit: { id: unit.id, code: unit.code, name: unit.name, headcount: unit.headcount },
		measures,
		review,
		dimensions: DIMENSION_TARGETS,
		canCreateMeasure: can(locals.actor, 'measure.edit', { organisationId: params.org }),
		ancestors,
		subtree: subtree.map(unitRowView),
		results
	};
};
