import { fail } from '@sveltejs/kit';
import { ValidationError } from '$lib/domain/validation';
import { listInstruments, saveInstrument } from '$lib/server/barometer/waves';
import { getDb } from '$lib/server/db';
import { readFormWithFile } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	instruments: await listInstruments(getDb(), locals.actor, params.org)
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		await listInstruments(getDb(), locals.actor, params.org);
		const { file } = await readFormWithFile(request, 'file');
		if (!file) return fail(400, { problem: { key: 'import.noFile' } as ValidationError['problems'][string] });
		try {
			return { loaded: await saveInstrument(getDb(), locals.actor, params.org, await file.text()) };
		} catch (e) {
			if (e instanceof ValidationError) return fail(400, { problem: e.problems.definition! });
			throw e;
		}
	}
};
