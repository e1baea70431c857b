import { authorize } from '$lib/server/access';
import { changeOwnEntry, getOwnEntry, setOwnEntryRetired } from '$lib/server/action-plans/catalogue';
import { getDb } from '$lib/server/db';
import { done, formAction, readFormWithLists } from '$lib/server/forms';
import { DIMENSION_TARGETS } from '../../form';
import { entryInput } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	authorize(locals.actor, 'catalogue.edit', { organisationId: params.org });
	const {
		organisationId: _o,
		createdAt: _c,
		updatedAt: _u,
		retiredAt,
		...entry
	} = await getOwnEntry(getDb(), locals.actor, params.org, params.entry);
	return {
		entry: { ...entry, retired: retiredAt !== null },
		created: url.searchParams.has('created'),
		dimensions: DIMENSION_TARGETS
	};
};

export const actions: Actions = {
	edit: async ({ request, locals, params }) => {
		const { fields, lists } = await readFormWithLists(request, ['target']);
		const targets = lists.target!;
		const result = await formAction({ ...fields, target: targets.join(',') }, () =>
			changeOwnEntry(getDb(), locals.actor, params.org, params.entry, entryInput(fields, targets))
		);
		return result && 'id' in result ? done('catalogue.saved') : result;
	},
	retire: async ({ locals, params }) => {
		await setOwnEntryRetired(getDb(), locals.actor, params.org, params.entry, true);
		return done('catalogue.retiredDone');
	},
	restore: async ({ locals, params }) => {
		await setOwnEntryRetired(getDb(), locals.actor, params.org, params.entry, false);
		return done('catalogue.restoredDone');
	}
};
