import { parseView } from '$lib/charts/heatmap-view';
import { getDb } from '$lib/server/db';
import { heatmapCsv } from '$lib/server/analytics/heatmap-export';
import { fileResponse } from '$lib/server/file-response';
import type { RequestHandler } from './$types';

/** The results heatmap as CSV: the wave and the shown groups of the page's URL, in the user's language. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { groups } = parseView(url.searchParams, { dimensionIds: [], hasPrevious: false });
	const { filename, csv } = await heatmapCsv(
		getDb(),
		locals.actor,
		params.org,
		{ waveId: url.searchParams.get('wave'), groups },
		locals.locale
	);
	return fileResponse(csv, filename);
};
