import { can } from '$lib/server/access';
import { organisationOverview } from '$lib/server/analytics/overview';
import { getDb } from '$lib/server/db';
import { listVisibleUnits, unitRowView } from '$lib/server/units/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = getDb();
	const [rows, overview] = await Promise.all([
		listVisibleUnits(db, locals.actor, params.org),
		// The organisation at a glance, for those who may see its analytics (an admin sees the units).
		can(locals.actor, 'analytics.view', { organisationId: params.org })
			? organisationOverview(db, locals.actor, params.org)
			: null
	]);
	return {
		units: rows.map(unitRowView),
		overview
	};
};
