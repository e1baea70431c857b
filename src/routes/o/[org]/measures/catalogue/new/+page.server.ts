import { redirect } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { createOwnEntry, ownEntryLanguage } from '$lib/server/action-plans/catalogue';
import { getDb } from '$lib/server/db';
import { formAction, readFormWithLists } from '$lib/server/forms';
import { DIMENSION_TARGETS } from '../../form';
import { entryInput } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	authorize(locals.actor, 'catalogue.edit', { organisationId: params.org });
	return {
		language: await ownEntryLanguage(getDb(), locals.actor, params.org),
		dimensions: DIMENSION_TARGETS
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const { fields, lists } = await readFormWithLists(request, ['target']);
		const targets = lists.target!;
		const result = await formAction({ ...fields, target: targets.join(',') }, () =>
			createOwnEntry(getDb(), locals.actor, params.org, entryInput(fields, targets))
		);
		if (result && 'id' in result) redirect(303, `/o/${params.org}/measures/catalogue/${result.id}?created`);
		return result;
	}
};
