import { MapView } from './map-view';
import { MIN_GROUP_SIZE_FLOOR } from './organisation-settings';

/**
 * The anonymity core: which figures about people may be shown. Every number the product shows to
 * anyone but the respondent goes through a plan made here. docs/anonymity.md explains the rules in
 * plain words, with worked examples that are tests in anonymity.test.ts. The reasoning for why each
 * plan is safe is in the comments below; anonymity.property.test.ts checks it with exact arithmetic
 * on random trees: no group of fewer than k people can be recovered from the figures a plan shows,
 * by any sum or difference.
 */

/** Why a figure is not shown. None of them says how many people the figure would have had. */
export type SuppressionReason =
	/** Fewer than k people. */
	| 'below-k'
	/** Enough people, but shown it would let a smaller group be worked out by subtraction. */
	| 'secondary'
	/** A filter cell whose remainder (the group minus the shown cells) would be too small. */
	| 'remainder'
	/** Passes k but not the higher minimum of a sensitive dimension. */
	| 'sensitive'
	/** Nothing to show: a missing figure, a unit outside the plan. */
	| 'no-data'
	/** Data changed after its plan was released, so that the released plan would now show too few people. */
	| 'changed';

/** Only this module holds the key: a value with it went through one of the gate functions below. */
declare const GATE: unique symbol;

/**
 * The typed gate for any figure about people. A shown figure carries its n; a suppressed one carries
 * only the reason: no figure and no n, not even "fewer than k", which would be a count of its own.
 * The brand makes it a capability: only `disclose`, `discloseEach`, `discloseInEvery`,
 * `discloseWithoutMinimum` and `suppressed` can make one, so a page or a chart cannot be handed a
 * number that skipped the plan (an object literal of this shape anywhere else does not type-check).
 * The brand exists only in the types: at run time a value is the plain object, so it survives
 * serialisation to the page.
 */
export type Disclosed<T> = (
	| { readonly shown: true; readonly n: number; readonly value: T }
	| { readonly shown: false; readonly reason: SuppressionReason }
) & { readonly [GATE]: true };

const gated = <T>(
	figure: { shown: true; n: number; value: T } | { shown: false; reason: SuppressionReason }
) => figure as Disclosed<T>;

/**
 * One frozen hidden figure per reason, shared: a hidden figure holds nothing but its reason, and a
 * large heatmap has tens of thousands of them.
 */
const SUPPRESSED = new Map<SuppressionReason, Disclosed<never>>();

/** A hidden figure: only the reason, never a number, so making one is always safe. */
export function suppressed(reason: SuppressionReason): Disclosed<never> {
	let figure = SUPPRESSED.get(reason);
	if (!figure) SUPPRESSED.set(reason, (figure = Object.freeze(gated<never>({ shown: false, reason }))));
	return figure;
}

/** A unit with the people attached directly to it: respondents of a wave, or headcount. */
export interface CountedUnit {
	id: string;
	parentId: string | null;
	/** The unit's own people, not those of its sub-units. */
	ownCount: number;
}

export type UnitDisclosure =
	| {
			id: string;
			/** People of the unit and its sub-units. For the plan and for n; never show it for a hidden unit. */
			subtreeCount: number;
			shown: true;
			/** Sub-units not shown whose people count in this figure ("pooled in this figure: …"). */
			pooled: readonly string[];
	  }
	| {
			id: string;
			subtreeCount: number;
			shown: false;
			reason: SuppressionReason;
			/** The nearest shown ancestor, whose figure includes this unit's people; null if none. */
			pooledInto: string | null;
	  };

export interface DisclosurePlan {
	k: number;
	/** Every unit, depth first with siblings ordered by id. */
	units: ReadonlyMap<string, UnitDisclosure>;
}

export interface PlanOptions {
	/**
	 * Units hidden whatever their count, with the reason to give: when planning a sensitive dimension,
	 * those the organisation's ordinary plan hides. The plan stays safe: hiding only merges groups.
	 */
	hidden?: ReadonlyMap<string, SuppressionReason>;
	/** The reason for every unit this plan hides itself; by default 'below-k' or 'secondary'. */
	reason?: SuppressionReason;
}

// ---- The unit tree as arrays -----------------------------------------------------------------

/**
 * A unit tree as plans are made on it (`planTreeOf`): built once and shared by every plan on the
 * same units, so that planning a wave's dimensions orders the tree once, and each plan is a few
 * arrays over it instead of an object per unit.
 */
export interface PlanTree {
	/** Unit ids in depth-first preorder, siblings by id: parents come before their descendants. */
	readonly ids: readonly string[];
	/** Position in `ids` of each unit's parent, -1 for a root. */
	readonly parent: Int32Array;
	/** The children of each position, as positions: childStart[i] to childStart[i + 1] in childList. */
	readonly childStart: Int32Array;
	readonly childList: Int32Array;
	/** Position in `ids` → position in the list the tree was made from. */
	readonly input: Int32Array;
	/** Unit id → position in `ids`. */
	readonly position: ReadonlyMap<string, number>;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function checkCount(value: number, what: string) {
	if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number ≥ 0`);
}

function checkK(k: number) {
	if (!Number.isSafeInteger(k) || k < MIN_GROUP_SIZE_FLOOR)
		throw new RangeError(`k must be a whole number ≥ ${MIN_GROUP_SIZE_FLOOR}, got ${k}`);
}

/**
 * Orders the units depth first. A unit whose parent is not in the list is a root; several roots
 * are planned as separate trees. A cycle is refused: its units would belong to no tree.
 */
export function planTreeOf(units: readonly { id: string; parentId: string | null }[]): PlanTree {
	const n = units.length;
	const index = new Map<string, number>();
	units.forEach((u, i) => {
		if (index.has(u.id)) throw new Error(`Unit ${u.id} appears twice`);
		index.set(u.id, i);
	});
	const kids: number[][] = Array.from({ length: n }, () => []);
	const roots: number[] = [];
	units.forEach((u, i) => {
		const p = u.parentId === null ? undefined : index.get(u.parentId);
		if (p === undefined || p === i) roots.push(i);
		else kids[p]!.push(i);
	});
	const order = (list: number[]) => list.sort((a, b) => byId(units[a]!.id, units[b]!.id));
	order(roots);
	for (const list of kids) order(list);

	const ids: string[] = [];
	const input = new Int32Array(n);
	const parent = new Int32Array(n);
	const childCount = new Int32Array(n + 1);
	const position = new Map<string, number>();
	// Two stacks rather than one of pairs: this runs per request on trees of thousands of units.
	const stack: number[] = [];
	const stackParent: number[] = [];
	for (let r = roots.length - 1; r >= 0; r--) {
		stack.push(roots[r]!);
		stackParent.push(-1);
	}
	while (stack.length) {
		const i = stack.pop()!;
		const p = stackParent.pop()!;
		const at = ids.length;
		ids.push(units[i]!.id);
		position.set(units[i]!.id, at);
		input[at] = i;
		parent[at] = p;
		if (p >= 0) childCount[p]!++;
		const list = kids[i]!;
		for (let c = list.length - 1; c >= 0; c--) {
			stack.push(list[c]!);
			stackParent.push(at);
		}
	}
	if (ids.length < n) throw new Error('The unit tree has a cycle');
	// Children in preorder, which is by id among siblings.
	const childStart = new Int32Array(n + 1);
	for (let i = 0; i < n; i++) childStart[i + 1] = childStart[i]! + childCount[i]!;
	const childList = new Int32Array(Math.max(0, n - 1));
	const filled = childStart.slice(0, n);
	for (let i = 0; i < n; i++) {
		const p = parent[i]!;
		if (p >= 0) childList[filled[p]!++] = i;
	}
	return { ids, parent, childStart, childList: childList.subarray(0, childStart[n]), input, position };
}

// ---- The plan for one count per unit -----------------------------------------------------------

/**
 * Decides which units' figures may be shown, each figure covering the unit and all its sub-units.
 *
 * 1. A unit is shown only when its subtree has at least k people. A smaller unit's people still
 *    count in every ancestor's figure; the nearest shown ancestor lists it as pooled.
 * 2. Secondary suppression. Each shown unit's *remainder* — its own people plus those of hidden
 *    sub-units that no shown sub-unit covers — is what its figure minus the figures of its nearest
 *    shown sub-units reveals. It must be 0 or at least k. When it is 1 to k-1, the smallest nearest
 *    shown sub-unit whose hiding adds people is hidden too (ties by id), which moves that
 *    sub-unit's remainder (0 or ≥ k already) into this one. A sub-unit with remainder 0 (all its
 *    people sit in shown sub-units of its own) would add nobody, so it is only chosen when every
 *    candidate is like that, and then its own shown sub-units become candidates.
 *
 * Units are settled bottom up. Fixing a unit only hides units inside its own remainder, which
 * changes no other unit's remainder, so one pass reaches the fixpoint. With every remainder 0 or
 * ≥ k the figures are sums of disjoint groups of 0 or ≥ k people, and no sum or difference of
 * them isolates fewer than k (the property tests check this exactly). Hiding more units later
 * keeps that true, because hiding a unit only merges its remainder into its ancestor's.
 *
 * Deterministic: the result depends on the units and counts, not on the order of the list.
 */
export function planDisclosure(
	units: readonly CountedUnit[],
	k: number,
	options: PlanOptions = {}
): DisclosurePlan {
	return planCounts(
		planTreeOf(units),
		units.map((u) => u.ownCount),
		k,
		options
	);
}

/**
 * `planDisclosure` on a tree made once by `planTreeOf(units)`: `own[i]` is the own count of
 * units[i]. Plans on one tree share it.
 */
export function planCounts(
	tree: PlanTree,
	own: ArrayLike<number>,
	k: number,
	options: PlanOptions = {}
): DisclosurePlan {
	checkK(k);
	const n = tree.ids.length;
	if (own.length !== n) throw new RangeError(`${own.length} counts for ${n} units`);
	const counts = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const count = own[tree.input[i]!]!;
		checkCount(count, `ownCount of ${tree.ids[i]}`);
		counts[i] = count;
	}
	let forced: Uint8Array | null = null;
	if (options.hidden?.size) {
		forced = new Uint8Array(n);
		for (const [id, reason] of options.hidden) {
			const at = tree.position.get(id);
			if (at !== undefined) forced[at] = 1 + reasonIndex(reason);
		}
	}
	return planOn(tree, counts, k, forced, options.reason ?? null);
}

/**
 * The plan itself, on own counts in preorder. `forced[i]`, when not 0, hides unit i with the reason
 * of code `forced[i] - 1`; `reason` replaces the reason of every unit this plan hides itself.
 */
function planOn(
	tree: PlanTree,
	own: Float64Array,
	k: number,
	forced: Uint8Array | null,
	reason: SuppressionReason | null
): DisclosurePlan {
	const { ids, parent, childStart, childList } = tree;
	const n = ids.length;
	const subtree = new Float64Array(n);
	/** For a shown unit its remainder; for a hidden one the people it passes up to its parent. */
	const remainder = new Float64Array(n);
	/** 0 for a shown unit, else 1 + the index of its reason in PACKED_REASONS. */
	const hidden = new Uint8Array(n);
	const hide = (i: number, why: SuppressionReason) => {
		hidden[i] = 1 + reasonIndex(reason ?? why);
	};

	/** The shown units nearest below i: reached from i through hidden units only. */
	const frontier = (i: number, into: number[]) => {
		const stack: number[] = [];
		for (let c = childStart[i]!; c < childStart[i + 1]!; c++) stack.push(childList[c]!);
		while (stack.length) {
			const c = stack.pop()!;
			if (hidden[c]) for (let g = childStart[c]!; g < childStart[c + 1]!; g++) stack.push(childList[g]!);
			else into.push(c);
		}
	};

	const settle = (i: number) => {
		const candidates: number[] = [];
		frontier(i, candidates);
		while (remainder[i]! > 0 && remainder[i]! < k) {
			let best = -1;
			let bestAdds = false;
			for (const c of candidates) {
				const adds = remainder[c]! > 0;
				if (
					best < 0 ||
					(adds && !bestAdds) ||
					(adds === bestAdds &&
						(subtree[c]! < subtree[best]! || (subtree[c] === subtree[best] && ids[c]! < ids[best]!)))
				) {
					best = c;
					bestAdds = adds;
				}
			}
			// Unreachable: a shown unit with a small remainder has shown units below it carrying
			// the rest of its people, and the bottom ones have a remainder of at least k.
			if (best < 0) throw new Error(`No sub-unit of ${ids[i]} can be hidden`);
			hide(best, 'secondary');
			remainder[i] = remainder[i]! + remainder[best]!;
			candidates.splice(candidates.indexOf(best), 1);
			if (!bestAdds) frontier(best, candidates);
		}
	};

	// Reverse preorder visits every unit after all its descendants.
	for (let i = n - 1; i >= 0; i--) {
		let total = own[i]!;
		let rest = own[i]!;
		for (let at = childStart[i]!; at < childStart[i + 1]!; at++) {
			const c = childList[at]!;
			total += subtree[c]!;
			if (hidden[c]) rest += remainder[c]!;
		}
		subtree[i] = total;
		remainder[i] = rest;
		if (forced?.[i]) hidden[i] = forced[i]!;
		else if (total < k) hide(i, 'below-k');
		if (!hidden[i] && rest > 0 && rest < k) settle(i);
	}

	// Top down: the nearest shown ancestor of every unit, then the pooled units of every shown one.
	const nearestShown = new Int32Array(n);
	const pooledCount = new Int32Array(n + 1);
	for (let i = 0; i < n; i++) {
		const p = parent[i]!;
		const into = p < 0 ? -1 : hidden[p] ? nearestShown[p]! : p;
		nearestShown[i] = into;
		if (hidden[i] && into >= 0) pooledCount[into]!++;
	}
	const pooledStart = new Int32Array(n + 1);
	for (let i = 0; i < n; i++) pooledStart[i + 1] = pooledStart[i]! + pooledCount[i]!;
	const pooledList = new Int32Array(pooledStart[n]!);
	const next = pooledStart.slice(0, n);
	// In preorder, as the units of the plan are listed.
	for (let i = 0; i < n; i++)
		if (hidden[i] && nearestShown[i]! >= 0) pooledList[next[nearestShown[i]!]!++] = i;
	return { k, units: new PlanUnits(tree, subtree, hidden, nearestShown, pooledStart, pooledList) };
}

/**
 * A plan's units, as a read-only map from unit id to its disclosure, over the plan's arrays: an
 * entry is made when it is read. Every unit, depth first with siblings ordered by id.
 */
class PlanUnits extends MapView<string, UnitDisclosure> {
	constructor(
		readonly tree: PlanTree,
		readonly subtree: Float64Array,
		/** 0 for a shown unit, else 1 + the index of its reason in PACKED_REASONS. */
		readonly hidden: Uint8Array,
		readonly nearestShown: Int32Array,
		readonly pooledStart: Int32Array,
		readonly pooledList: Int32Array
	) {
		super();
	}

	get size() {
		return this.tree.ids.length;
	}

	has(id: string) {
		return this.tree.position.has(id);
	}

	get(id: string): UnitDisclosure | undefined {
		const at = this.tree.position.get(id);
		return at === undefined ? undefined : this.at(at);
	}

	/** The unit at position `i` of the tree. */
	at(i: number): UnitDisclosure {
		const { ids } = this.tree;
		const id = ids[i]!;
		const code = this.hidden[i]!;
		if (code) {
			const into = this.nearestShown[i]!;
			return {
				id,
				subtreeCount: this.subtree[i]!,
				shown: false,
				reason: PACKED_REASONS[code - 1]!,
				pooledInto: into >= 0 ? ids[into]! : null
			};
		}
		const from = this.pooledStart[i]!;
		const to = this.pooledStart[i + 1]!;
		const pooled = from === to ? NONE : Array.from(this.pooledList.subarray(from, to), (p) => ids[p]!);
		return { id, subtreeCount: this.subtree[i]!, shown: true, pooled };
	}

	*entries(): MapIterator<[string, UnitDisclosure]> {
		for (let i = 0; i < this.tree.ids.length; i++) yield [this.tree.ids[i]!, this.at(i)];
	}
}

const NONE: readonly string[] = Object.freeze([]);

/** What a plan made on a PlanTree consists of, by position in the tree (see PlanUnits). */
export interface PlanArrays {
	subtree: Float64Array;
	/** 0 for a shown unit, else 1 + the index of its reason in `PACKED_REASONS`. */
	hidden: Uint8Array;
	nearestShown: Int32Array;
	pooledStart: Int32Array;
	pooledList: Int32Array;
}

/** The arrays of a plan made by planCounts or planDimensionCounts, with its tree; null for another plan. */
export function planArraysOf(plan: DisclosurePlan): { tree: PlanTree; arrays: PlanArrays } | null {
	const units = plan.units;
	if (!(units instanceof PlanUnits)) return null;
	const { tree, subtree, hidden, nearestShown, pooledStart, pooledList } = units;
	return { tree, arrays: { subtree, hidden, nearestShown, pooledStart, pooledList } };
}

/**
 * A plan again from the arrays `planArraysOf` gave, on the same tree (kept plans read back). Throws
 * when they cannot be a plan on this tree: wrong lengths, a code, position or pooled list out of
 * range. It checks their shape, not the planning: arrays from anywhere but a plan are not to be
 * given here.
 */
export function planOfArrays(tree: PlanTree, k: number, arrays: PlanArrays): DisclosurePlan {
	checkK(k);
	const n = tree.ids.length;
	const { subtree, hidden, nearestShown, pooledStart, pooledList } = arrays;
	const fail = (what: string): never => {
		throw new RangeError(`Not a plan on this tree of ${n} units: ${what}`);
	};
	if (subtree.length !== n || hidden.length !== n || nearestShown.length !== n) fail('lengths');
	if (pooledStart.length !== n + 1 || pooledStart[0] !== 0 || pooledStart[n] !== pooledList.length)
		fail('pooled units');
	for (let i = 0; i < n; i++) {
		if (hidden[i]! > PACKED_REASONS.length) fail('a reason');
		if (nearestShown[i]! < -1 || nearestShown[i]! >= n) fail('a pooling unit');
		if (pooledStart[i + 1]! < pooledStart[i]!) fail('pooled units');
		if (!(subtree[i]! >= 0)) fail('a count');
	}
	for (let p = 0; p < pooledList.length; p++)
		if (pooledList[p]! < 0 || pooledList[p]! >= n) fail('a pooled unit');
	return { k, units: new PlanUnits(tree, subtree, hidden, nearestShown, pooledStart, pooledList) };
}

/**
 * The gate: a unit's figure through its plan. `compute` runs only for a shown unit and gets its n;
 * null or undefined (nothing to compute, e.g. a dimension nobody scored) gives 'no-data'. A unit
 * the plan does not know gives 'no-data' too rather than a figure nobody checked.
 */
export function disclose<T>(
	plan: DisclosurePlan,
	unitId: string,
	compute: (n: number) => T | null | undefined
): Disclosed<T> {
	// discloseInEvery with one plan, written out: a heatmap discloses a hundred thousand cells at once.
	const unit = plan.units.get(unitId);
	if (!unit) return suppressed('no-data');
	if (!unit.shown) return suppressed(unit.reason);
	const value = compute(unit.subtreeCount);
	if (value === null || value === undefined) return suppressed('no-data');
	return gated({ shown: true, n: unit.subtreeCount, value });
}

/**
 * `disclose` through each of several plans for one unit (a heatmap row: a plan per dimension):
 * figure i is `compute(context, i, n)` through plans[i]. The context is passed on rather than
 * captured, so that a caller asking for many rows needs no function per row.
 */
export function discloseEach<C, T>(
	plans: readonly DisclosurePlan[],
	unitId: string,
	context: C,
	compute: (context: C, index: number, n: number) => T | null | undefined
): Disclosed<T>[] {
	const figures = new Array<Disclosed<T>>(plans.length);
	for (let i = 0; i < plans.length; i++) {
		const unit = plans[i]!.units.get(unitId);
		if (!unit) figures[i] = suppressed('no-data');
		else if (!unit.shown) figures[i] = suppressed(unit.reason);
		else {
			const value = compute(context, i, unit.subtreeCount);
			figures[i] =
				value === null || value === undefined
					? suppressed('no-data')
					: gated({ shown: true, n: unit.subtreeCount, value });
		}
	}
	return figures;
}

/**
 * The reasons in the order packed figures code them (`-1 - index`). Appending keeps old codes;
 * reordering would change what a kept or sent pack means.
 */
const PACKED_REASONS = [
	'below-k',
	'secondary',
	'remainder',
	'sensitive',
	'no-data',
	'changed'
] as const satisfies readonly SuppressionReason[];

/** The reasons in the order of their codes, for a stored plan to name the codes it was made with. */
export const PACKED_REASON_CODES: readonly SuppressionReason[] = PACKED_REASONS;

// A reason missing from the list would have no code, and a hidden figure would read as shown:
// this line stops compiling when SuppressionReason gains a reason the list lacks.
const EVERY_REASON_PACKED: Exclude<SuppressionReason, (typeof PACKED_REASONS)[number]> extends never
	? true
	: never = true;
void EVERY_REASON_PACKED;

/**
 * `discloseEach` packed: the figures of one unit through each of several plans, in one
 * Float64Array of `1 + width` numbers a plan. The first is n when the figure is shown, else
 * `-1 - code` of its reason; the `width` numbers after it are the figure, and stay 0 when it is
 * hidden, so a hidden figure holds nothing but its reason here too. A heatmap keeps a hundred
 * thousand figures; as objects each costs six heap objects that the collector copies and marks,
 * as a pack a row of them costs one array. Read a figure back with `unpacked`, which gives the
 * `Disclosed` that `discloseEach` would have given. The brand exists only in the types, as for
 * `Disclosed`: only this function makes a pack.
 *
 * `fill(context, i, n, out, at)` writes figure i into out[at] to out[at + width - 1] and returns
 * true, or returns false for nothing to show ('no-data'); it runs only for a shown unit.
 *
 * Each pack is an array of its own, never a view into a larger buffer: serialised for a page, a
 * view carries its whole buffer, and with it the figures of units the reader may not see.
 */
export function discloseEachPacked<C>(
	plans: readonly DisclosurePlan[],
	unitId: string,
	width: number,
	context: C,
	fill: (context: C, index: number, n: number, out: Float64Array, at: number) => boolean
): DisclosedPack {
	const stride = 1 + width;
	const pack = new Float64Array(plans.length * stride);
	// Plans on one tree (a wave's dimensions) find the unit at one position.
	let tree: PlanTree | null = null;
	let position = -1;
	for (let i = 0; i < plans.length; i++) {
		const at = i * stride;
		const units = plans[i]!.units;
		let n: number;
		if (units instanceof PlanUnits) {
			if (units.tree !== tree) {
				tree = units.tree;
				position = tree.position.get(unitId) ?? -1;
			}
			const code = position < 0 ? 1 + reasonIndex('no-data') : units.hidden[position]!;
			// A reason's code in a pack is -1 - its index, which is -code.
			if (code) {
				pack[at] = -code;
				continue;
			}
			n = units.subtree[position]!;
		} else {
			const unit = units.get(unitId);
			if (!unit) {
				pack[at] = reasonCode('no-data');
				continue;
			}
			if (!unit.shown) {
				pack[at] = reasonCode(unit.reason);
				continue;
			}
			n = unit.subtreeCount;
		}
		if (fill(context, i, n, pack, at + 1)) pack[at] = n;
		else {
			// What fill wrote of a figure it then gave up must not stay beside the reason.
			pack.fill(0, at + 1, at + stride);
			pack[at] = reasonCode('no-data');
		}
	}
	return pack as DisclosedPack;
}

/**
 * Figures already through the gate, packed as `discloseEachPacked` packs them: `write(value, out,
 * at)` writes a shown figure's `width` numbers. Safe for any input, since each was disclosed.
 */
export function packDisclosed<T>(
	figures: readonly Disclosed<T>[],
	width: number,
	write: (value: T, out: Float64Array, at: number) => void
): DisclosedPack {
	const stride = 1 + width;
	const pack = new Float64Array(figures.length * stride);
	figures.forEach((figure, i) => {
		const at = i * stride;
		if (!figure.shown) pack[at] = reasonCode(figure.reason);
		else {
			pack[at] = figure.n;
			write(figure.value, pack, at + 1);
		}
	});
	return pack as DisclosedPack;
}

/** Figures of one unit through several plans, packed by `discloseEachPacked`. */
export type DisclosedPack = Float64Array & { readonly [GATE]: true };

const reasonIndex = (reason: SuppressionReason) => PACKED_REASONS.indexOf(reason);
const reasonCode = (reason: SuppressionReason) => -1 - reasonIndex(reason);

/** How many figures a pack of figures `width` numbers wide holds. */
export function packedCount(pack: DisclosedPack, width: number): number {
	return pack.length / (1 + width);
}

/**
 * Figure `index` of a pack as `discloseEach` gives it: `read(pack, at)` makes the value of a shown
 * figure from pack[at] to pack[at + width - 1]. A hidden figure is the shared one of its reason.
 */
export function unpacked<T>(
	pack: DisclosedPack,
	index: number,
	width: number,
	read: (pack: Float64Array, at: number) => T
): Disclosed<T> {
	const at = index * (1 + width);
	const head = pack[at];
	if (head === undefined) return suppressed('no-data');
	if (head < 0) return suppressed(PACKED_REASONS[-1 - head] ?? 'no-data');
	return gated({ shown: true, n: head, value: read(pack, at + 1) });
}

/**
 * A figure over several plans at once (a rolling year over its months' plans): shown only when the
 * unit is shown in every one of them, so that no plan's remainder below k hides inside the longer
 * figure; n is the smallest of its groups. A missing plan gives 'no-data', and so do no plans.
 */
export function discloseInEvery<T>(
	plans: readonly (DisclosurePlan | undefined)[],
	unitId: string,
	compute: (n: number) => T | null | undefined
): Disclosed<T> {
	let n = Infinity;
	for (const plan of plans) {
		const unit = plan?.units.get(unitId);
		if (!unit) return suppressed('no-data');
		if (!unit.shown) return suppressed(unit.reason);
		n = Math.min(n, unit.subtreeCount);
	}
	if (n === Infinity) return suppressed('no-data');
	const value = compute(n);
	if (value === null || value === undefined) return suppressed('no-data');
	return gated({ shown: true, n, value });
}

/**
 * A figure the rules show whatever the size of its group: turnover is not health information
 * (docs/anonymity.md, "Health signals"). Every other figure about people goes through a plan.
 */
export function discloseWithoutMinimum<T>(n: number, value: T): Disclosed<T> {
	return gated({ shown: true, n, value });
}

// ---- Sensitive dimensions ------------------------------------------------------------------------

/**
 * The plan for a sensitive dimension (unwanted behaviour): the ordinary plan's hidden units stay
 * hidden with their reasons, and every unit hidden on top of them, below the sensitive minimum or
 * by its secondary suppression, gets 'sensitive'. Building on the ordinary plan keeps the shown
 * units a subset of it, so the n of the two plans together reveal no count the ordinary plan does
 * not already show.
 */
export function planSensitiveDisclosure(
	units: readonly CountedUnit[],
	ordinary: DisclosurePlan,
	sensitiveK: number
): DisclosurePlan {
	const hidden = new Map<string, SuppressionReason>();
	for (const unit of ordinary.units.values()) if (!unit.shown) hidden.set(unit.id, unit.reason);
	return planDisclosure(units, Math.max(sensitiveK, ordinary.k), { hidden, reason: 'sensitive' });
}

export interface DimensionSettings<D extends string> {
	k: number;
	sensitiveK: number;
	sensitive: ReadonlySet<D>;
}

/**
 * The plan of each dimension. `countsFor` gives the units with the people who have a score on the
 * dimension; dimensions given the same array share one plan, computed once.
 */
export function planDimensions<D extends string>(
	dimensions: readonly D[],
	countsFor: (dimension: D) => readonly CountedUnit[],
	settings: DimensionSettings<D>
): Map<D, DisclosurePlan> {
	return planEach(dimensions, countsFor, settings, {
		ordinary: (units) => planDisclosure(units, settings.k),
		sensitive: (units, plan) => planSensitiveDisclosure(units, plan, settings.sensitiveK)
	});
}

/**
 * `planDimensions` on one tree made by `planTreeOf(units)`: `countsFor` gives each dimension's own
 * counts in the order of those units, and dimensions given the same array share one plan. Equal
 * to `planDimensions` with the same counts (anonymity.property.test.ts), without an object per
 * unit and plan.
 */
export function planDimensionCounts<D extends string>(
	tree: PlanTree,
	dimensions: readonly D[],
	countsFor: (dimension: D) => ArrayLike<number>,
	settings: DimensionSettings<D>
): Map<D, DisclosurePlan> {
	return planEach(dimensions, countsFor, settings, {
		ordinary: (own) => planCounts(tree, own, settings.k),
		sensitive: (own, plan) => {
			// The ordinary plan's hidden units, with their reasons, by position: both are on `tree`.
			const forced = (plan.units as PlanUnits).hidden;
			const counts = new Float64Array(own.length);
			for (let i = 0; i < counts.length; i++) counts[i] = own[tree.input[i]!]!;
			return planOn(tree, counts, Math.max(settings.sensitiveK, plan.k), forced, 'sensitive');
		}
	});
}

function planEach<D extends string, C>(
	dimensions: readonly D[],
	countsFor: (dimension: D) => C,
	settings: DimensionSettings<D>,
	make: {
		ordinary: (counts: C) => DisclosurePlan;
		sensitive: (counts: C, ordinary: DisclosurePlan) => DisclosurePlan;
	}
): Map<D, DisclosurePlan> {
	const ordinary = new Map<C, DisclosurePlan>();
	const sensitive = new Map<C, DisclosurePlan>();
	const result = new Map<D, DisclosurePlan>();
	for (const dimension of dimensions) {
		const counts = countsFor(dimension);
		let plan = ordinary.get(counts);
		if (!plan) {
			plan = make.ordinary(counts);
			ordinary.set(counts, plan);
		}
		if (settings.sensitive.has(dimension)) {
			let sensitivePlan = sensitive.get(counts);
			if (!sensitivePlan) {
				sensitivePlan = make.sensitive(counts, plan);
				sensitive.set(counts, sensitivePlan);
			}
			plan = sensitivePlan;
		}
		result.set(dimension, plan);
	}
	return result;
}
