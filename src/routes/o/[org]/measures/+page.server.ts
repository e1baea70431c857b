import { planBalance } from '$lib/domain/action-plans/suggest';
import { can } from '$lib/server/access';
import { measuresToReview } from '$lib/server/action-plans/evaluation';
import { listMeasures } from '$lib/server/action-plans/service';
import { unaddressedFindings } from '$lib/server/action-plans/unaddressed';
import { getDb } from '$lib/server/db';
import { DIMENSION_TARGETS, unitOptions } from './form';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getDb();
	const measures = await listMeasures(db, locals.actor, params.org);
	return {
		measures: measures.map(({ organisationId: _o, createdAt: _c, updatedAt: _u, ...m }) => m),
		balance: planBalance(
			measures.map((m) => ({ level: m.preventionLevel, application: m.applicationLevel }))
		),
		units: await unitOptions(db, locals.actor, params.org),
		dimensions: DIMENSION_TARGETS,
		canCreate: can(locals.actor, 'measure.edit', { organisationId: params.org }),
		canEditCatalogue: can(locals.actor, 'catalogue.edit', { organisationId: params.org }),
		// Measures whose targets did not improve at the next wave, and findings no measure took up.
		review: [...(await measuresToReview(db, params.org, measures))],
		unaddressed: can(locals.actor, 'analytics.view', { organisationId: params.org })
			? await unaddressedFindings(db, locals.actor, params.org)
			: null
	};
};
