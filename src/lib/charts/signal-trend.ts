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
	/** `dots`: shown values with no shown neighbour (else invisible); `points`: every shown value. */
	lines: Array<{
		id: string;
		path: string;
		dots: Array<{ x: number; y: number }>;
		points: Array<{ x: number; y: number; index: number }>;
	}>;
	plot: { left: number; right: number; top: number; bottom: number };
}

/** How SmallChart.svelte draws one series. */
export interface SeriesStyle {
	colour: string;
	/** An SVG dash array, e.g. '5 4'; none for a solid line. */
	dash?: string;
	width?: number;
	/** Mark every shown value, hollow or filled, not only the isolated ones. */
	points?: 'filled' | 'hollow';
}

const MARGIN = { top: 12, right: 12, bottom: 28, left: 44 };

export interface TrendOptions {
	/** A fixed top of the value axis (1 for shares), so that small multiples compare; else the data's. */
	max?: number;
	margin?: { top: number; right: number; bottom: number; left: number };
	/** How many value ticks to aim for. */
	ticks?: number;
}

/** `months` may be any labels along the x axis (waves too); only their number and order count. */
export function trendLayout(
	months: readonly string[],
	series: readonly TrendSeries[],
	size: { width: number; height: number } = { width: 640, height: 240 },
	options: TrendOptions = {}
): TrendLayout {
	const margin = options.margin ?? MARGIN;
	const plot = {
		left: margin.left,
		right: size.width - margin.right,
		top: margin.top,
		bottom: size.height - margin.bottom
	};
	const x = scalePoint<number>()
		.domain(months.map((_, i) => i))
		.range([plot.left, plot.right])
		.padding(0.5);
	const shown = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
	const ticks = options.ticks ?? 5;
	const y = scaleLinear()
		.domain([0, options.max ?? Math.max(1, ...shown)])
		.nice(ticks)
		.range([plot.bottom, plot.top]);
	const path = line<number | null>()
		.defined((v) => v !== null)
		.x((_, i) => x(i) ?? 0)
		.y((v) => y(v ?? 0));
	// As many month labels as fit, about 80 units apart (a label like "okt. 2026" is some 60 wide).
	const labels = Math.max(2, Math.min(8, Math.floor((plot.right - plot.left) / 80)));
	const every = Math.max(1, Math.ceil(months.length / labels));
	return {
		width: size.width,
		height: size.height,
		plot,
		xTicks: months.map((_, index) => ({ x: x(index) ?? 0, index })).filter((t) => t.index % every === 0),
		yTicks: y.ticks(ticks).map((value) => ({ value, y: y(value) })),
		lines: series.map((s) => ({
			id: s.id,
			path: path([...s.values]) ?? '',
			dots: s.values.flatMap((v, i) =>
				v !== null && (s.values[i - 1] ?? null) === null && (s.values[i + 1] ?? null) === null
					? [{ x: x(i) ?? 0, y: y(v) }]
					: []
			),
			points: s.values.flatMap((v, index) => (v === null ? [] : [{ x: x(index) ?? 0, y: y(v), index }]))
		}))
	};
}
