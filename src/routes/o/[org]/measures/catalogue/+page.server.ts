import { authorize } from '$lib/server/access';
import { listCatalogue, setBuiltInHidden } from '$lib/server/action-plans/catalogue';
import { getDb } from '$lib/server/db';
import { done, formAction, readForm } from '$lib/server/forms';
import { DIMENSION_TARGETS } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	authorize(locals.actor, 'catalogue.edit', { organisationId: params.org });
	const { builtIn, own } = await listCatalogue(getDb(), locals.actor, params.org);
	return {
		builtIn: builtIn.map(({ entry, hidden }) => ({ ...entry, hidden })),
		own: own.map(({ organisationId: _o, createdAt: _c, updatedAt: _u, retiredAt, ...entry }) => ({
			...entry,
			retired: retiredAt !== null
		})),
		dimensions: DIMENSION_TARGETS
	};
};

/** Hides a built-in entry from the organisation's suggestions, or shows it again. */
async function hideOrShow(
	request: Request,
	actor: App.Locals['actor'],
	organisationId: string,
	hidden: boolean
) {
	authorize(actor, 'catalogue.edit', { organisationId });
	const fields = await readForm(request);
	const result = await formAction({ entry: fields.entry ?? '' }, () =>
		setBuiltInHidden(getDb(), actor, organisationId, fields.entry ?? '', hidden)
	);
	return result === undefined ? done(hidden ? 'catalogue.hiddenDone' : 'catalogue.shownDone') : result;
}

export const actions: Actions = {
	hide: ({ request, locals, params }) => hideOrShow(request, locals.actor, params.org, true),
	show: ({ request, locals, params }) => hideOrShow(request, locals.actor, params.org, false)
};
