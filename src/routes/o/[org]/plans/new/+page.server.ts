import { redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { createPlan } from '$lib/server/action-plans/plans';
import { todayInBelgium } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import { formAction, readForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	authorize(locals.actor, 'plan.edit', { organisationId: params.org });
	// The annual action plan is written in the autumn for the next calendar year.
	return { nextYear: Number(todayInBelgium().slice(0, 4)) + 1 };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		const input = { kind: fields.kind ?? '', firstYear: fields.firstYear ?? '' };
		const result = await formAction(input, () => createPlan(getDb(), locals.actor, params.org, input));
		if (result && 'id' in result) redirect(303, `/o/${params.org}/plans/${result.id}`);
		return result;
	}
};
