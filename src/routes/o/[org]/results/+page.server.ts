import { can } from '$lib/server/access';
import { getDb } from '$lib/server/db';
import { attentionList } from '$lib/server/analytics/attention';
import { heatmap } from '$lib/server/analytics/heatmap';
import { parseOpen, showsOrganisationRow, treeSlice } from '$lib/charts/heatmap-view';
import { firstEntries } from '$lib/domain/early-warning';
import type { PageServerLoad } from './$types';

/**
 * Reads `wave`, `open`, `shut` and `attention` of the URL (and no other parameter, so a change of
 * sort, colouring or groups fetches nothing): the page gets the heatmap's rows that the open units
 * show and the first units of the attention list (all with `attention=all`), not every unit of a
 * large organisation twice (heatmap-view.ts, treeSlice; early-warning, firstEntries).
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const db = getDb();
	const [map, attention] = await Promise.all([
		heatmap(db, locals.actor, params.org, { waveId: url.searchParams.get('wave') }),
		attentionList(db, locals.actor, params.org)
	]);
	const { open, shut } = parseOpen(url.searchParams);
	const { rows, ...tree } = treeSlice(map.rows, open, shut);
	const { shown, total } = firstEntries(attention.items, url.searchParams.get('attention') === 'all');
	return {
		heatmap: { ...map, rows },
		tree: {
			...tree,
			showOrganisationRow: showsOrganisationRow(map.rows),
			/** Every unit left out of the wave's figures, shown or not. */
			overfull: map.rows.filter((r) => r.overfull).map((r) => r.name)
		},
		attention: { ...attention, items: shown },
		attentionTotal: total,
		canCreateMeasure: can(locals.actor, 'measure.edit', { organisationId: params.org })
	};
};
