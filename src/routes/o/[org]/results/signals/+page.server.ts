import { signalsOverview } from '$lib/server/analytics/unit';
import { getDb } from '$lib/server/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => ({
	signals: await signalsOverview(getDb(), locals.actor, params.org)
});
