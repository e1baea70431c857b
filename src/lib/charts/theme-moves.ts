import { scaleLinear } from 'd3-scale';
import type { ThemeMove } from '../domain/overview';

/**
 * The layout of the overview's chart of the themes that moved most: one row per theme, its share in
 * orange or red in the previous wave (a hollow dot) joined to the share now (an arrow head), on one
 * 0–100 % scale, so the length and direction of each move read at a glance.
 */
export interface MovesLayout {
	width: number;
	height: number;
	plot: { left: number; right: number; top: number; bottom: number };
	ticks: Array<{ x: number; value: number }>;
	rows: Array<{
		dimensionId: string;
		kind: 'worsened' | 'improved';
		/** The shares (0-1) in the previous wave and now. */
		from: number;
		to: number;
		/** The baseline of the theme's name, above its arrow. */
		labelY: number;
		y: number;
		before: number;
		now: number;
		/** The arrow's shaft stops short of the head, which points from `before` to `now`. */
		head: string;
	}>;
}

/** Each theme takes two lines, its name above its arrow, so the chart fits a phone at full type size. */
const ROW = 38;
const MARGIN = { top: 4, right: 14, bottom: 22, left: 10 };
const HEAD = 7;

export function movesLayout(
	moves: { worsened: readonly ThemeMove[]; improved: readonly ThemeMove[] },
	width = 320
): MovesLayout {
	const all = [
		...moves.worsened.map((m) => ({ move: m, kind: 'worsened' as const })),
		...moves.improved.map((m) => ({ move: m, kind: 'improved' as const }))
	];
	const plot = {
		left: MARGIN.left,
		right: width - MARGIN.right,
		top: MARGIN.top,
		bottom: MARGIN.top + all.length * ROW
	};
	const x = scaleLinear().domain([0, 1]).range([plot.left, plot.right]);
	return {
		width,
		height: plot.bottom + MARGIN.bottom,
		plot,
		ticks: x.ticks(4).map((value) => ({ x: x(value), value })),
		rows: all.map(({ move, kind }, i) => {
			const labelY = plot.top + i * ROW + 13;
			const y = plot.top + i * ROW + 27;
			const before = x(move.before);
			const now = x(move.now);
			const direction = Math.sign(now - before) || 1;
			const tip = now;
			const back = tip - direction * HEAD;
			return {
				dimensionId: move.dimensionId,
				kind,
				from: move.before,
				to: move.now,
				labelY,
				y,
				before,
				now: back,
				head: `M${tip},${y}L${back},${y - HEAD / 1.5}L${back},${y + HEAD / 1.5}Z`
			};
		})
	};
}
