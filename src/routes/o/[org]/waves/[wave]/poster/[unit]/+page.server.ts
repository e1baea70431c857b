import { error } from '@sveltejs/kit';
import { wavePosters } from '$lib/server/barometer/posters';
import { todayInBelgium } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** A printable A4 poster for one unit: the link as text and as a QR code. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { posters } = await wavePosters(
		getDb(),
		locals.actor,
		params.org,
		params.wave,
		todayInBelgium(),
		url.origin,
		params.unit
	);
	// A wave run with personal codes has no links to print.
	if (posters.length !== 1) error(404, 'error.notFound');
	return { poster: posters[0]! };
};
