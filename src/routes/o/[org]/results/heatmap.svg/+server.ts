import { parseView } from '$lib/charts/heatmap-view';
import { getDb } from '$lib/server/db';
import { heatmapSvg } from '$lib/server/analytics/heatmap-export';
import { fileResponse } from '$lib/server/file-response';
import type { RequestHandler } from './$types';

/** The results heatmap as an SVG image: the wave and the shown groups of the page's URL. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { groups } = parseView(url.searchParams, { dimensionIds: [], hasPrevious: false });
	const { filename, svg } = await heatmapSvg(
		getDb(),
		locals.actor,
		params.org,
		{ waveId: url.searchParams.get('wave'), groups },
		locals.locale
	);
	return fileResponse(svg, filename, 'image/svg+xml; charset=utf-8');
};
