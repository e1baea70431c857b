import { fail } from '@sveltejs/kit';
import type { Problem } from '$lib/domain/validation';
import { decodeTextFile } from '$lib/domain/text-file';
import { getDb } from '$lib/server/db';
import { readFormWithFile } from '$lib/server/forms';
import {
	MAX_IMPORT_ERRORS_SHOWN,
	UnitImportError,
	importUnitsCsv,
	listUnitsForAdmin
} from '$lib/server/units/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	// Asks the same permission as the import itself, so the page is refused to whoever may not import.
	await listUnitsForAdmin(getDb(), locals.actor, params.org);
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		await listUnitsForAdmin(getDb(), locals.actor, params.org);
		const { file } = await readFormWithFile(request, 'file');
		const refuse = (problem: Problem) =>
			fail(400, { failure: { fileProblems: [problem], rowProblems: [], total: 1 } });
		if (!file) return refuse({ key: 'import.noFile' });
		const decoded = decodeTextFile(new Uint8Array(await file.arrayBuffer()));
		if (!decoded.ok) return refuse({ key: decoded.key });
		try {
			const result = await importUnitsCsv(getDb(), locals.actor, params.org, decoded.text);
			return { result: { created: result.created, updated: result.updated, unchanged: result.unchanged } };
		} catch (e) {
			if (!(e instanceof UnitImportError)) throw e;
			return fail(400, {
				failure: {
					fileProblems: e.fileProblems,
					rowProblems: e.problems.slice(0, MAX_IMPORT_ERRORS_SHOWN),
					total: e.problems.length + e.fileProblems.length
				}
			});
		}
	}
};
