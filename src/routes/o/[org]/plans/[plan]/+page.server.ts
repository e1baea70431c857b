import { redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { planReport } from '$lib/server/action-plans/plan-report';
import { advancePlan, getPlan, newPlanVersion, updatePlanSections } from '$lib/server/action-plans/plans';
import { getDb } from '$lib/server/db';
import { done, formAction, readForm } from '$lib/server/forms';
import { DIMENSION_TARGETS } from '../../measures/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	authorize(locals.actor, 'plan.view', { organisationId: params.org });
	const db = getDb();
	const { plan, versions, locked, late, isLatest, canEdit } = await getPlan(
		db,
		locals.actor,
		params.org,
		params.plan
	);
	const { organisationId: _o, createdAt: _c, updatedAt: _u, ...fields } = plan;
	return {
		plan: fields,
		versions,
		locked,
		late,
		isLatest,
		canEdit,
		report: await planReport(db, locals.actor, params.org, plan),
		dimensions: DIMENSION_TARGETS
	};
};

export const actions: Actions = {
	/** The sections of a draft (the advisor). */
	sections: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		const result = await formAction({ ...fields, form: 'sections' }, () =>
			updatePlanSections(getDb(), locals.actor, params.org, params.plan, fields)
		);
		return result && 'id' in result ? done('plan.saved') : result;
	},
	/** The next step with the committee: submitted, advice, adopted. */
	status: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		const result = await formAction({ ...fields, form: 'status' }, () =>
			advancePlan(getDb(), locals.actor, params.org, params.plan, fields)
		);
		return result && 'id' in result ? done('plan.statusSaved') : result;
	},
	/** A new version of a plan that went to the committee: a draft, opened at once. */
	version: async ({ locals, params }) => {
		const result = await formAction({ form: 'version' }, () =>
			newPlanVersion(getDb(), locals.actor, params.org, params.plan)
		);
		if (result && 'id' in result) redirect(303, `/o/${params.org}/plans/${result.id}`);
		return result;
	}
};
