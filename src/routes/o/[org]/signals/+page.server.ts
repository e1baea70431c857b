import { fail } from '@sveltejs/kit';
import { ValidationError } from '$lib/domain/validation';
import { getDb } from '$lib/server/db';
import { readForm, formAction } from '$lib/server/forms';
import { rememberedMappings } from '$lib/server/signals/mapping-service';
import {
	importFromRequest,
	mapUnitCodes,
	signalsOverview,
	undoPreview,
	undoUpload,
	unmapUnitCode
} from '$lib/server/signals/service';
import type { Actions, PageServerLoad } from './$types';

/** `?undo=<upload>` asks to confirm undoing an upload: the page shows what it would do. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const overview = {
		...(await signalsOverview(getDb(), locals.actor, params.org)),
		columnMappings: await rememberedMappings(getDb(), locals.actor, params.org)
	};
	const undo = url.searchParams.get('undo');
	if (!undo || !overview.canImport) return { ...overview, undo: null, undoProblems: null };
	try {
		return {
			...overview,
			undo: await undoPreview(getDb(), locals.actor, params.org, undo),
			undoProblems: null
		};
	} catch (e) {
		if (e instanceof ValidationError) return { ...overview, undo: null, undoProblems: e.problems };
		throw e;
	}
};

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
	},
	unmapCode: async ({ request, locals, params }) => {
		const fields = await readForm(request);
		return formAction(fields, async () => ({
			unmapped: (await unmapUnitCode(getDb(), locals.actor, params.org, fields.code ?? '')).code
		}));
	}
};
