import { can } from '$lib/server/access';
import { getDb } from '$lib/server/db';
import { attentionList } from '$lib/server/analytics/attention';
import { heatmap } from '$lib/server/analytics/heatmap';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = getDb();
	const [map, attention] = await Promise.all([
		heatmap(db, locals.actor, params.org, { waveId: url.searchParams.get('wave') }),
		attentionList(db, locals.actor, params.org)
	]);
	return {
		heatmap: map,
		attention,
		canCreateMeasure: can(locals.actor, 'measure.edit', { organisationId: params.org })
	};
};
