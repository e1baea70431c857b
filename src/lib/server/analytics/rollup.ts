import { MapView } from '../../domain/map-view';
import { emptyFigures, type UnitMonthFigures } from '../../domain/signals/figures';
import type { FigureId } from '../../domain/signals/formats';
import type { SubtreeTotals } from '../../domain/wave-results';
import { FIELDS, type SummaryColumns } from './packs';

/**
 * Subtree sums over typed arrays instead of maps of objects with string keys. rollUpColumns adds
 * in the order of rollUpSummaries (each child's subtree total into its parent, siblings by id), so
 * a wave's figures are the same to the last bit whichever path computed them.
 * rollUpFigureColumns adds each unit's totals into its parent's, children first; its sums may
 * differ from rollUpFigures' in the last bits (the order of records differs).
 */

/** The unit tree as arrays, in the order of the list given. */
export interface TreeIndex {
	ids: string[];
	/** Position of each unit's parent, -1 for a root (no parent, or a parent not in the list). */
	parent: Int32Array;
	position: Map<string, number>;
	/** Every unit after all its descendants; units on a cycle are left out (they have no root). */
	bottomUp: Int32Array;
}

export function indexTree(units: ReadonlyArray<{ id: string; parentId: string | null }>): TreeIndex {
	const n = units.length;
	const position = new Map<string, number>();
	units.forEach((u, i) => position.set(u.id, i));
	const parent = new Int32Array(n).fill(-1);
	const children: number[][] = Array.from({ length: n }, () => []);
	const roots: number[] = [];
	units.forEach((u, i) => {
		const p = u.parentId === null ? undefined : position.get(u.parentId);
		if (p === undefined || p === i) roots.push(i);
		else {
			parent[i] = p;
			children[p]!.push(i);
		}
	});
	const preorder: number[] = [];
	const stack = [...roots];
	while (stack.length) {
		const i = stack.pop()!;
		preorder.push(i);
		for (const c of children[i]!) stack.push(c);
	}
	return { ids: units.map((u) => u.id), parent, position, bottomUp: Int32Array.from(preorder.reverse()) };
}

/** A wave's summaries by tree position: own numbers and subtree totals. */
export interface RolledUpWave {
	dimensions: number;
	ownRespondents: Float64Array;
	/** Unit i, dimension d, field f at (i × dimensions + d) × FIELDS + f. */
	own: Float64Array;
	/** As rollUpSummaries gives them: every unit of the tree, and summaries of unknown units on their own. */
	totals: ReadonlyMap<string, SubtreeTotals>;
}

export function rollUpColumns(tree: TreeIndex, columns: SummaryColumns, dimensions: number): RolledUpWave {
	const n = tree.ids.length;
	const width = dimensions * FIELDS;
	const ownRespondents = new Float64Array(n);
	const own = new Float64Array(n * width);
	const extra = new Map<string, SubtreeTotals>();
	const source = columns.dimensions;
	const shared = Math.min(source, dimensions) * FIELDS;
	// Plain loops in one function rather than a callback per unit: this runs on the first requests
	// after a change, often before V8 has optimised it, and a long loop is optimised while it runs.
	const { unitIds, respondents: sourceRespondents, values: sourceValues } = columns;
	for (let u = 0; u < unitIds.length; u++) {
		const id = unitIds[u]!;
		const from = u * source * FIELDS;
		const i = tree.position.get(id);
		if (i === undefined) {
			const alone = new Float64Array(width);
			for (let f = 0; f < shared; f++) alone[f] = sourceValues[from + f]!;
			extra.set(id, { respondents: sourceRespondents[u]!, values: alone });
			continue;
		}
		ownRespondents[i] = sourceRespondents[u]!;
		const to = i * width;
		for (let f = 0; f < shared; f++) own[to + f] = sourceValues[from + f]!;
	}
	// As rollUpSummaries adds: a unit's own numbers, then each child's subtree total, deepest units
	// first and siblings by id, so that each total is the same sum in the same order (to the last bit).
	const respondents = ownRespondents.slice();
	const values = own.slice();
	const order = summingOrder(tree);
	const { parent } = tree;
	for (let at = 0; at < order.length; at++) {
		const i = order[at]!;
		const p = parent[i]!;
		if (p < 0) continue;
		respondents[p] = respondents[p]! + respondents[i]!;
		const from = i * width;
		const to = p * width;
		for (let f = 0; f < width; f++) values[to + f] = values[to + f]! + values[from + f]!;
	}
	return {
		dimensions,
		ownRespondents,
		own,
		totals: new ColumnTotals(tree, width, respondents, values, extra)
	};
}

/**
 * Subtree totals by unit id over the rolled-up arrays: an entry (a view on its unit's numbers) is
 * made when it is read, so that a wave's totals are a few arrays rather than an object and a view
 * per unit kept as long as the wave's results. Units of the tree in its order, then units not in it.
 */
class ColumnTotals extends MapView<string, SubtreeTotals> {
	constructor(
		readonly tree: TreeIndex,
		readonly width: number,
		readonly respondents: Float64Array,
		readonly sums: Float64Array,
		/** Summaries of units not in the tree, each on its own. */
		readonly extra: ReadonlyMap<string, SubtreeTotals>
	) {
		super();
	}

	get size() {
		return this.tree.ids.length + this.extra.size;
	}

	has(id: string) {
		return this.tree.position.has(id) || this.extra.has(id);
	}

	get(id: string): SubtreeTotals | undefined {
		const i = this.tree.position.get(id);
		return i === undefined ? this.extra.get(id) : this.at(i);
	}

	private at(i: number): SubtreeTotals {
		const { width } = this;
		return { respondents: this.respondents[i]!, values: this.sums.subarray(i * width, (i + 1) * width) };
	}

	*entries(): MapIterator<[string, SubtreeTotals]> {
		for (let i = 0; i < this.tree.ids.length; i++) yield [this.tree.ids[i]!, this.at(i)];
		yield* this.extra;
	}
}

/** What a wave's totals from rollUpColumns consist of (see ColumnTotals). */
export interface TotalsArrays {
	/** FIELDS numbers per dimension, per unit. */
	width: number;
	/** Per unit of the tree, in the order of its index. */
	respondents: Float64Array;
	/** Unit i's numbers at i × width to (i + 1) × width. */
	sums: Float64Array;
	/** Summaries of units not in the tree, each on its own. */
	extra: ReadonlyMap<string, SubtreeTotals>;
}

/** The arrays of totals made by rollUpColumns on `tree`; null for other totals or another tree. */
export function totalsArraysOf(
	totals: ReadonlyMap<string, SubtreeTotals>,
	tree: TreeIndex
): TotalsArrays | null {
	if (!(totals instanceof ColumnTotals) || totals.tree !== tree) return null;
	const { width, respondents, sums, extra } = totals;
	return { width, respondents, sums, extra };
}

/** Totals again from the arrays `totalsArraysOf` gave, on the same tree; throws on wrong lengths. */
export function totalsOfArrays(tree: TreeIndex, arrays: TotalsArrays): ReadonlyMap<string, SubtreeTotals> {
	const n = tree.ids.length;
	const { width, respondents, sums, extra } = arrays;
	if (!Number.isSafeInteger(width) || width < 0 || respondents.length !== n || sums.length !== n * width)
		throw new RangeError(`Not the totals of a tree of ${n} units`);
	for (const [id, total] of extra)
		if (tree.position.has(id) || total.values.length !== width)
			throw new RangeError(`Not the totals of a tree of ${n} units: ${id}`);
	return new ColumnTotals(tree, width, respondents, sums, extra);
}

const summingOrders = new WeakMap<TreeIndex, Int32Array>();

/**
 * The units of a tree deepest first, and by id within a depth: every unit comes after all its
 * descendants and a parent takes its children in the order of their ids, the order
 * rollUpSummaries adds in. Units on a cycle are left out, as in `bottomUp`. Kept per index.
 */
function summingOrder(tree: TreeIndex): Int32Array {
	let order = summingOrders.get(tree);
	if (order) return order;
	const depth = new Int32Array(tree.ids.length);
	for (const i of tree.bottomUp) {
		let d = 0;
		for (let at = tree.parent[i]!; at >= 0 && d < depth.length; at = tree.parent[at]!) d++;
		depth[i] = d;
	}
	const { ids } = tree;
	order = Int32Array.from(
		[...tree.bottomUp].sort(
			(a, b) => depth[b]! - depth[a]! || (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0)
		)
	);
	summingOrders.set(tree, order);
	return order;
}

/** Signal figures of a run of months, one record per unit and month. */
export interface FigureColumns {
	/** The figures held, in this order per record. */
	figures: number;
	months: number;
	unitIds: string[];
	/** Index of each record's month. */
	month: Int32Array;
	/** Record r, figure f at r × figures + f; NaN where the figure is null. */
	values: Float64Array;
}

/** Subtree totals per unit and month; a unit-month is present when a record of its subtree is. */
export interface RolledUpFigures {
	figures: number;
	months: number;
	/** Unit i, month m: present[i × months + m]. */
	present: Uint8Array;
	/** Unit i, month m, figure f at (i × months + m) × figures + f; NaN where a part was null. */
	values: Float64Array;
}

/**
 * rollUpFigures over arrays: a unit-month without a record adds nothing, a null figure makes every
 * total it enters null (NaN here). Records of units not in the tree are left out: as rollUpFigures
 * gives them, they count for themselves only, and no unit of the tree sees them.
 */
export function rollUpFigureColumns(tree: TreeIndex, columns: FigureColumns): RolledUpFigures {
	const { figures, months } = columns;
	const n = tree.ids.length;
	const present = new Uint8Array(n * months);
	const values = new Float64Array(n * months * figures);
	columns.unitIds.forEach((id, r) => {
		const i = tree.position.get(id);
		if (i === undefined) return;
		const slot = i * months + columns.month[r]!;
		present[slot] = 1;
		values.set(columns.values.subarray(r * figures, (r + 1) * figures), slot * figures);
	});
	const width = months * figures;
	for (const i of tree.bottomUp) {
		const p = tree.parent[i]!;
		if (p < 0) continue;
		for (let m = 0; m < months; m++) if (present[i * months + m]) present[p * months + m] = 1;
		const from = i * width;
		const to = p * width;
		for (let f = 0; f < width; f++) values[to + f] = values[to + f]! + values[from + f]!;
	}
	return { figures, months, present, values };
}

/** A month's unit tree over the positions of one list of ids, and which of them are in it. */
export interface MonthTree {
	tree: TreeIndex;
	/** 1 for a unit of this month's tree; records of other units count nowhere in the month. */
	member: Uint8Array;
}

/**
 * rollUpFigureColumns with a tree per month (`trees[m]`, all over the same ids in the same order):
 * a month's figures roll up along the tree it was released with.
 */
export function rollUpFigureColumnsByMonth(
	trees: readonly MonthTree[],
	columns: FigureColumns
): RolledUpFigures {
	const { figures, months } = columns;
	const n = trees[0]?.tree.ids.length ?? 0;
	const present = new Uint8Array(n * months);
	const values = new Float64Array(n * months * figures);
	const position = trees[0]?.tree.position ?? new Map<string, number>();
	columns.unitIds.forEach((id, r) => {
		const i = position.get(id);
		const m = columns.month[r]!;
		if (i === undefined || !trees[m]!.member[i]) return;
		const slot = i * months + m;
		present[slot] = 1;
		values.set(columns.values.subarray(r * figures, (r + 1) * figures), slot * figures);
	});
	for (let m = 0; m < months; m++) {
		const { tree } = trees[m]!;
		for (const i of tree.bottomUp) {
			const p = tree.parent[i]!;
			if (p < 0) continue;
			const from = i * months + m;
			if (!present[from]) continue;
			const to = p * months + m;
			present[to] = 1;
			for (let f = 0; f < figures; f++)
				values[to * figures + f] = values[to * figures + f]! + values[from * figures + f]!;
		}
	}
	return { figures, months, present, values };
}

/** Unit i's subtree totals per month, as rollUpFigures gives them (NaN as null), months without a record left out. */
export function figureSeries(
	rolled: RolledUpFigures,
	i: number,
	unitId: string,
	months: readonly string[],
	figureIds: readonly FigureId[]
): UnitMonthFigures[] {
	const series: UnitMonthFigures[] = [];
	for (let m = 0; m < rolled.months; m++) {
		const slot = i * rolled.months + m;
		if (!rolled.present[slot]) continue;
		const figures = emptyFigures(unitId, months[m]!);
		for (let f = 0; f < figureIds.length; f++) {
			const value = rolled.values[slot * rolled.figures + f]!;
			figures[figureIds[f]!] = Number.isNaN(value) ? null : value;
		}
		series.push(figures);
	}
	return series;
}
