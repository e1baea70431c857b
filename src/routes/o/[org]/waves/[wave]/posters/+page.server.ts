import { error } from '@sveltejs/kit';
import { wavePosters } from '$lib/server/barometer/posters';
import { todayInBelgium } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** Every unit's poster of a wave run with unit links, one per printed A4 page. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const result = await wavePosters(
		getDb(),
		locals.actor,
		params.org,
		params.wave,
		todayInBelgium(),
		url.origin
	);
	// A wave run with personal codes has no links to print.
	if (result.entry !== 'links') error(404, 'error.notFound');
	return result;
};
