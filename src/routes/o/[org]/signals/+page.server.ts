import { fail } from '@sveltejs/kit';
import { ValidationError } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { readForm, formAction } from '$lib/server/forms';
import { importFromRequest, mapUnitCodes, signalsOverview, undoUpload } from '$lib/server/signals/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) =>
	signalsOverview(getDb(), locals.actor, params.org);

export const actions: Actions = {
	/** Without JavaScript: the form posts here and the page shows the outcome. */
	upload: async ({ request, locals, params }) => {
		try {
			const outcome = await importFromRequest(getDb(), locals.actor, params.org, request);
			return outcome.status === 'refused' ? fail(400, { outcome }) : { outcome };
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { problems: e.problems });
			throw e;
		}
	},
	undo: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		return formAction(fields, async () => {
			await undoUpload(getDb(), locals.actor, params.org, fields.upload ?? '');
			return { undone: fields.upload };
		});
	},
	mapCodes: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		const mappings = Object.fromEntries(
			Object.entries(fields)
				.filter(([name]) => name.startsWith('map:'))
				.map(([name, unitId]) => [name.slice(4), unitId])
		);
		return formAction(fields, async () => ({
			mapped: await mapUnitCodes(getDb(), locals.actor, params.org, mappings)
		}));
	}
};
