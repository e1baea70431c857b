import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

/**
 * The layout of the unit page's trend chart: months across, a rate up, one line per series. A
 * month whose figure is not shown (anonymity, no data) is a gap in its line, never a zero or an
 * interpolation; a shown month between two gaps gets a dot, so it stays visible.
 */
export interface TrendSeries {
	id: string;
	/** One value per month of the chart, null where the figure is not shown. */
	values: ReadonlyArray<number | null>;
}

export interface TrendLayout {
	width: number;
	height: number;
	xTicks: Array<{ x: number; index: number }>;
	yTicks: Array<{ y: number; value: number }>;
	lines: Array<{ id: string; path: string; dots: Array<{ x: number; y: number }> }>;
	plot: { left: number; right: number; top: number; bottom: number };
}

const MARGIN = { top: 12, right: 12, bottom: 28, left: 44 };

export function trendLayout(
	months: readonly string[],
	series: readonly TrendSeries[],
	size: { width: number; height: number } = { width: 640, height: 240 }
): TrendLayout {
	const plot = {
		left: MARGIN.left,
		right: size.width - MARGIN.right,
		top: MARGIN.top,
		bottom: size.height - MARGIN.bottom
	};
	const x = scalePoint<number>()
		.domain(months.map((_, i) => i))
		.range([plot.left, plot.right])
		.padding(0.5);
	const shown = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
	const y = scaleLinear()
		.domain([0, Math.max(1, ...shown)])
		.nice(5)
		.range([plot.bottom, plot.top]);
	const path = line<number | null>()
		.defined((v) => v !== null)
		.x((_, i) => x(i) ?? 0)
		.y((v) => y(v ?? 0));
	const every = Math.max(1, Math.ceil(months.length / 8));
	return {
		width: size.width,
		height: size.height,
		plot,
		xTicks: months.map((_, index) => ({ x: x(index) ?? 0, index })).filter((t) => t.index % every === 0),
		yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
		lines: series.map((s) => ({
			id: s.id,
			path: path([...s.values]) ?? '',
			dots: s.values.flatMap((v, i) =>
				v !== null && (s.values[i - 1] ?? null) === null && (s.values[i + 1] ?? null) === null
					? [{ x: x(i) ?? 0, y: y(v) }]
					: []
			)
		}))
	};
}
