import { json } from '@sveltejs/kit';
import { BAROMETER } from '$lib/instruments/barometer';
import { listInstruments } from '$lib/server/barometer/waves';
import { getDb } from '$lib/server/db';
import type { RequestHandler } from './$types';

/** The built-in barometer's definition, as an example of the shape an own instrument takes. */
export const GET: RequestHandler = async ({ locals, params }) => {
	await listInstruments(getDb(), locals.actor, params.org);
	return json(BAROMETER, {
		headers: { 'content-disposition': 'attachment; filename="knipperlicht-barometer.json"' }
	});
};
