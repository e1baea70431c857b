import Papa from 'papaparse';
import { ValidationError } from '$lib/domain/validation';
import { translate } from '$lib/i18n';
import { generateCodes } from '$lib/server/barometer/waves';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import type { RequestHandler } from './$types';

/**
 * Generates personal codes and returns them once as CSV for a mail merge (one code a line, no
 * names). Only their hashes are kept, so this file cannot be downloaded again.
 */
export const POST: RequestHandler = async ({ request, locals, params, url }) => {
	const form = await readForm(request);
	try {
		const codes = await generateCodes(getDb(), locals.actor, params.org, params.wave, form.count ?? '');
		const link = `${url.origin}/b`;
		const csv = Papa.unparse(
			{
				fields: [translate(locals.locale, 'waves.csvCode'), translate(locals.locale, 'waves.csvLink')],
				data: codes.map((c) => [c, link])
			},
			{ delimiter: ';', newline: '\r\n' }
		);
		return new Response(`\uFEFF${csv}\r\n`, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="codes-${params.wave.slice(0, 8)}.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		const problem = Object.values(e.problems)[0]!;
		return new Response(translate(locals.locale, problem.key, problem.params), {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
};
