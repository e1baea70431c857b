/**
 * A wave's results per unit subtree, from the per-unit summaries the database keeps (respondents,
 * and per dimension: scored answers, sum and sum of squares of the scores, band counts). Pure
 * arithmetic, and the figures a screen takes from it through a wave's plans (cellsOf,
 * surveyDimension, respondentRate, pooledNames): what may be shown is decided by the plans.
 */
import {
	disclose,
	discloseEach,
	discloseEachPacked,
	packDisclosed,
	type Disclosed,
	type DisclosurePlan
} from './anonymity';
import { CELL_WIDTH, type DimensionCells } from './cells';
import type { ShownDimension } from './early-warning/survey';

export interface UnitSummary {
	unitId: string;
	respondents: number;
	scored: readonly number[];
	scoreSum: readonly number[];
	scoreSumSq: readonly number[];
	green: readonly number[];
	orange: readonly number[];
	red: readonly number[];
}

/** Per dimension: scored, sum, sum of squares, green, orange, red (in that order). */
const FIELDS = 6;

export interface SubtreeTotals {
	respondents: number;
	/** FIELDS numbers per dimension. */
	values: Float64Array;
}

export interface DimensionStats {
	/** People with a score on this dimension. */
	scored: number;
	mean: number;
	/** Population standard deviation of the scores. */
	sd: number;
	/** Shares of the scored people (0–1). */
	green: number;
	orange: number;
	red: number;
}

/**
 * The totals of every unit's subtree: its own summary, then each child's subtree total, deepest
 * units first and siblings by id (one addition per unit and field, and one order, which
 * server/analytics/rollup.ts follows to the last bit). Units without responses get zero totals;
 * summaries of units missing from the tree count for themselves only; a parent missing from the
 * list makes its child a root, and units on a cycle keep their own numbers.
 */
export function rollUpSummaries(
	units: readonly { id: string; parentId: string | null }[],
	summaries: readonly UnitSummary[],
	dimensionCount: number
): Map<string, SubtreeTotals> {
	const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
	const totals = new Map<string, SubtreeTotals>();
	const totalOf = (id: string) => {
		let total = totals.get(id);
		if (!total)
			totals.set(id, (total = { respondents: 0, values: new Float64Array(dimensionCount * FIELDS) }));
		return total;
	};
	for (const u of units) totalOf(u.id);
	for (const s of summaries) {
		const total = totalOf(s.unitId);
		total.respondents += s.respondents;
		const v = total.values;
		for (let d = 0; d < dimensionCount; d++) {
			const o = d * FIELDS;
			v[o]! += s.scored[d] ?? 0;
			v[o + 1]! += s.scoreSum[d] ?? 0;
			v[o + 2]! += s.scoreSumSq[d] ?? 0;
			v[o + 3]! += s.green[d] ?? 0;
			v[o + 4]! += s.orange[d] ?? 0;
			v[o + 5]! += s.red[d] ?? 0;
		}
	}
	// A unit's parent in the list; none for a root, a parent not in the list or the unit itself.
	const parentIn = (id: string) => {
		const parent = parentOf.get(id);
		return parent !== null && parent !== undefined && parent !== id && parentOf.has(parent) ? parent : null;
	};
	// The depth of each unit under its root; none for a unit on a cycle or under one.
	const depth = new Map<string, number>();
	for (const u of units) {
		const seen = new Set<string>([u.id]);
		let d = 0;
		let at = parentIn(u.id);
		while (at !== null && !seen.has(at)) {
			seen.add(at);
			d++;
			at = parentIn(at);
		}
		if (at === null) depth.set(u.id, d);
	}
	const order = [...depth.keys()].sort(
		(a, b) => depth.get(b)! - depth.get(a)! || (a < b ? -1 : a > b ? 1 : 0)
	);
	for (const id of order) {
		const parent = parentIn(id);
		if (parent === null) continue;
		const from = totals.get(id)!;
		const to = totals.get(parent)!;
		to.respondents += from.respondents;
		for (let f = 0; f < from.values.length; f++) to.values[f]! += from.values[f]!;
	}
	return totals;
}

/** The statistics of one dimension of a subtree; null when nobody scored it. */
export function dimensionStats(totals: SubtreeTotals, dimension: number): DimensionStats | null {
	const o = dimension * FIELDS;
	const v = totals.values;
	const scored = v[o]!;
	if (scored === 0) return null;
	const mean = v[o + 1]! / scored;
	const variance = Math.max(0, v[o + 2]! / scored - mean * mean);
	return {
		scored,
		mean,
		sd: Math.sqrt(variance),
		green: v[o + 3]! / scored,
		orange: v[o + 4]! / scored,
		red: v[o + 5]! / scored
	};
}

/** One dimension of a subtree as the heatmap and the unit page show it. */
export interface DimensionFigure {
	mean: number;
	/** Shares of the people scored (0–1). */
	green: number;
	orange: number;
	red: number;
}

/** A closed wave planned on its unit tree: per dimension and for respondents, and the subtree totals. */
export interface WaveResult {
	plans: DisclosurePlan[];
	respondentPlan: DisclosurePlan;
	/** Per unit (and the organisation), the totals of its subtree, as rollUpSummaries gives them. */
	totals: ReadonlyMap<string, SubtreeTotals>;
	dimensionIds: string[];
}

/** The cells of one unit (or the organisation) through the wave's plans. */
export function cellsOf(result: WaveResult, unitId: string): Disclosed<DimensionFigure>[] {
	// A heatmap asks for a hundred thousand cells at once: one array and one figure per shown cell,
	// and no objects or functions in between.
	return discloseEach(result.plans, unitId, result.totals.get(unitId), dimensionFigure);
}

/** `cellsOf` packed (cells.ts): the same cells, bit for bit, in one array. */
export function packedCellsOf(result: WaveResult, unitId: string): DimensionCells {
	return discloseEachPacked(result.plans, unitId, CELL_WIDTH, result.totals.get(unitId), fillDimension);
}

/** Cells that show nothing ('no-data'): a row left out of its wave's figures. */
export function noCells(result: WaveResult): DimensionCells {
	return discloseEachPacked(result.plans, '', CELL_WIDTH, undefined, () => false);
}

/** Cells as `cellsOf` gives them, packed: `cellList(packCells(cells))` equals `cells`. */
export function packCells(cells: readonly Disclosed<DimensionFigure>[]): DimensionCells {
	return packDisclosed(cells, CELL_WIDTH, (f, out, at) => {
		out[at] = f.mean;
		out[at + 1] = f.green;
		out[at + 2] = f.orange;
		out[at + 3] = f.red;
	});
}

/** Writes dimension `d` of the totals as cells.ts reads it: mean, green, orange, red. */
function fillDimension(
	totals: SubtreeTotals | undefined,
	d: number,
	_n: number,
	out: Float64Array,
	at: number
) {
	if (!totals) return false;
	const o = d * FIELDS;
	const v = totals.values;
	const scored = v[o]!;
	if (scored === 0) return false;
	out[at] = v[o + 1]! / scored;
	out[at + 1] = v[o + 3]! / scored;
	out[at + 2] = v[o + 4]! / scored;
	out[at + 3] = v[o + 5]! / scored;
	return true;
}

/** dimensionStats' figure of dimension `d` without its sd; null when nobody scored it. */
function dimensionFigure(totals: SubtreeTotals | undefined, d: number): DimensionFigure | null {
	if (!totals) return null;
	const o = d * FIELDS;
	const v = totals.values;
	const scored = v[o]!;
	if (scored === 0) return null;
	return {
		mean: v[o + 1]! / scored,
		green: v[o + 3]! / scored,
		orange: v[o + 4]! / scored,
		red: v[o + 5]! / scored
	};
}

/** Dimension `d` of a unit as early warning reads it (docs/early-warning.md), or null when not shown. */
export function surveyDimension(result: WaveResult, unitId: string, d: number): ShownDimension | null {
	const totals = result.totals.get(unitId);
	const figure = disclose(result.plans[d]!, unitId, () => (totals ? dimensionStats(totals, d) : null));
	if (!figure.shown) return null;
	const { mean, sd, orange, red } = figure.value;
	return { shown: true, n: figure.n, mean, sd, shareOrangeRed: orange + red };
}

/** The response rate of a unit through the respondents' plan: respondents / headcount, at most 1. */
export function respondentRate(
	result: WaveResult,
	unitId: string,
	headcount: number | undefined
): Disclosed<{ rate: number | null }> {
	return disclose(result.respondentPlan, unitId, (n) => ({
		rate: headcount ? Math.min(1, n / headcount) : null
	}));
}

/** The names of the units pooled into a shown unit (the organisation's root is no name). */
export function pooledNames(
	result: WaveResult,
	unitId: string,
	names: ReadonlyMap<string, string>,
	root: string
): string[] {
	const plan = result.respondentPlan.units.get(unitId);
	if (!plan?.shown) return [];
	return plan.pooled
		.filter((id) => id !== root)
		.map((id) => names.get(id) ?? '')
		.filter(Boolean);
}
