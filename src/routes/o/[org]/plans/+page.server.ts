import { can } from '$lib/server/access';
import { listPlans } from '$lib/server/action-plans/plans';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const plans = await listPlans(getDb(), locals.actor, params.org);
	return {
		plans: plans.map((p) => ({
			id: p.id,
			kind: p.kind,
			firstYear: p.firstYear,
			lastYear: p.lastYear,
			version: p.version,
			status: p.status,
			submittedOn: p.submittedOn,
			adviceOn: p.adviceOn,
			adoptedOn: p.adoptedOn
		})),
		canCreate: can(locals.actor, 'plan.edit', { organisationId: params.org })
	};
};
