import { listWaves } from '$lib/server/barometer/waves';
import { todayInBelgium } from '$lib/server/clock';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	waves: await listWaves(getDb(), locals.actor, params.org, todayInBelgium())
});
