import {
	planDisclosure,
	type CountedUnit,
	type Disclosed,
	type DisclosurePlan,
	type SuppressionReason
} from '../../src/lib/domain/anonymity';
import { MIN_GROUP_SIZE_FLOOR } from '../../src/lib/domain/organisation-settings';
import type { WaveStatus } from '../../src/lib/domain/waves';

/**
 * Disclosure rules for screens the product does not have: figures split by a grouping such as age
 * band (filters), and two waves side by side. Filters need a grouping of each respondent or
 * employee, which the product does not collect. The rules are designed and tested against the
 * same standard as the product's plans (docs/anonymity.md, "Filters" and "Across waves";
 * anonymity-filters.property.test.ts checks them with exact arithmetic on random trees) and build
 * on the product's planDisclosure, so a screen that needs them can take them over as they are.
 */

function checkCount(value: number, what: string) {
	if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number ≥ 0`);
}

function checkK(k: number) {
	if (!Number.isSafeInteger(k) || k < MIN_GROUP_SIZE_FLOOR)
		throw new RangeError(`k must be a whole number ≥ ${MIN_GROUP_SIZE_FLOOR}, got ${k}`);
}

// ---- Filters: one grouping such as age band -----------------------------------------------------

export type CellDisclosure = { shown: true; n: number } | { shown: false; reason: SuppressionReason };

/**
 * Hides cells until the people in no shown cell number 0 or at least k: the smallest shown cell
 * that holds people goes first (ties by position). Cells of 0 people add nobody and are skipped.
 */
function hideUntilRemainderSafe(
	total: number,
	cells: readonly number[],
	hiddenCells: Array<SuppressionReason | null>,
	k: number
) {
	let rest = total;
	cells.forEach((count, v) => {
		if (hiddenCells[v] === null) rest -= count;
	});
	while (rest > 0 && rest < k) {
		let best = -1;
		cells.forEach((count, v) => {
			if (hiddenCells[v] === null && count > 0 && (best < 0 || count < cells[best]!)) best = v;
		});
		// Unreachable: with every cell hidden the rest is the whole group, 0 or at least k.
		if (best < 0) throw new Error('No cell left to hide');
		hiddenCells[best] = 'remainder';
		rest += cells[best]!;
	}
}

/**
 * One shown group split by one grouping. `cellCounts[v]` is the number of the group's people with
 * value v; people without a value (not asked, no answer) are the difference with `groupCount`.
 * A cell is shown only with at least k people, and the people in no shown cell (hidden cells and
 * no value) must number 0 or at least k, so that the group minus the shown cells reveals no small
 * group; cells are hidden smallest first until that holds ('remainder'). It follows that the
 * group minus any one shown cell is 0 or at least k too.
 */
export function planFilterCells(
	groupCount: number,
	cellCounts: readonly number[],
	k: number
): CellDisclosure[] {
	checkK(k);
	checkCount(groupCount, 'groupCount');
	cellCounts.forEach((c) => checkCount(c, 'a cell count'));
	if (cellCounts.reduce((a, b) => a + b, 0) > groupCount)
		throw new RangeError('The cells hold more people than the group');
	if (groupCount < k) return cellCounts.map(() => ({ shown: false, reason: 'below-k' }));
	const hiddenCells = cellCounts.map((c): SuppressionReason | null => (c < k ? 'below-k' : null));
	hideUntilRemainderSafe(groupCount, cellCounts, hiddenCells, k);
	return cellCounts.map((n, v) => {
		const reason = hiddenCells[v];
		return reason ? { shown: false, reason } : { shown: true, n };
	});
}

/** A unit's own people split by the values of one grouping; the rest gave no value. */
export interface FilteredUnit extends CountedUnit {
	ownCells: readonly number[];
}

export interface FilterPlan {
	/** The plan of the unfiltered figures the filtered ones are planned against. */
	base: DisclosurePlan;
	/** Per unit, one entry per value: may the unit's figure for that value be requested. */
	cells: ReadonlyMap<string, readonly CellDisclosure[]>;
}

/**
 * Which (unit, value) figures of one grouping may be requested, next to the unfiltered figures of
 * `base` (by default `planDisclosure(units, k)`). The filtered figure of unit P for value v counts
 * the people of P's subtree with value v. Let a unit's *part* be the people its base figure adds
 * to those of its nearest shown sub-units: its own people and those of the sub-units pooled in it.
 * A figure (P, v) is allowed only when
 *
 * 1. P is shown in the base plan and the figure has at least k people;
 * 2. the part of P has 0 or at least k people with value v ("the per-value plan over the tree
 *    passes": the v-figure of P minus the v-figures of its nearest shown sub-units is that group);
 * 3. the people of P's part in no allowed cell (other values, hidden values, no value) are 0 or at
 *    least k, hiding the part's smallest cells first otherwise: the remainder rule, which makes
 *    every complement (P without value v) 0 or at least k as well;
 * 4. alignment: every shown sub-unit of P that has people with value v allows (sub-unit, v) too.
 *
 * Rule 4 is what a per-value plan with complements alone misses. Without it the v-figure of P
 * would pool the v-people of a shown sub-unit Q whose own v-figure is hidden, and Q's unfiltered
 * figure then becomes a second handle on the same people: with a team Q of six trainees, all under
 * 30, under a department P whose own staff has 2 people under 30, "P, under 30" minus "Q" is those
 * 2 people (docs/anonymity.md works it through). With the four rules every figure is a sum of
 * disjoint groups of 0 or at least k people — the allowed parts per value and each part's rest —
 * so, as for the unfiltered plan, no sum or difference reveals fewer than k. The price: a filter
 * value shows on a unit only when it shows on every shown unit below it.
 *
 * One grouping at a time. Two groupings offered on the same units cross: with the seniority
 * bands and the age bands of one team shown, a band of one minus a band of the other can be a
 * single person. Offer a second grouping only as one grouping of combined values.
 */
export function planFilteredDisclosure(
	units: readonly FilteredUnit[],
	k: number,
	options: { base?: DisclosurePlan } = {}
): FilterPlan {
	checkK(k);
	const values = units[0]?.ownCells.length ?? 0;
	for (const u of units) {
		checkCount(u.ownCount, `ownCount of ${u.id}`);
		if (u.ownCells.length !== values) throw new RangeError('Every unit needs a count for every value');
		u.ownCells.forEach((c) => checkCount(c, `a cell count of ${u.id}`));
		if (u.ownCells.reduce((a, b) => a + b, 0) > u.ownCount)
			throw new RangeError(`The cells of ${u.id} hold more people than the unit`);
	}
	// The unit tree in the order of a plan (depth first, siblings by id): every unit comes after
	// its parent. planDisclosure also refuses duplicate ids and cycles.
	const ordered = planDisclosure(units, k);
	const base = options.base ?? ordered;
	const ids = [...ordered.units.keys()];
	const n = ids.length;
	const position = new Map(ids.map((id, i) => [id, i]));
	const unitById = new Map(units.map((u) => [u.id, u]));
	const children: number[][] = ids.map(() => []);
	ids.forEach((id, i) => {
		const parentId = unitById.get(id)!.parentId;
		const p = parentId === null ? undefined : position.get(parentId);
		if (p !== undefined && p !== i) children[p]!.push(i);
	});
	const shown = ids.map((id) => {
		const unit = base.units.get(id);
		if (!unit) throw new Error(`The base plan lacks unit ${id}`);
		return unit;
	});

	// Per unit and value: people of the subtree, people passed up to the nearest shown ancestor
	// (for a shown unit: its part), and whether a (unit, v) that holds people is not allowed.
	const at = (i: number, v: number) => i * values + v;
	const subtree = new Float64Array(n * values);
	const part = new Float64Array(n * values);
	const partTotal = new Float64Array(n);
	const notAllowedBelow = new Uint8Array(n * values);
	const cells = new Map<string, CellDisclosure[]>();

	for (let i = n - 1; i >= 0; i--) {
		const unit = unitById.get(ids[i]!)!;
		let total = unit.ownCount;
		for (let v = 0; v < values; v++) {
			subtree[at(i, v)] = part[at(i, v)] = unit.ownCells[v]!;
		}
		for (const c of children[i]!) {
			const passesUp = !shown[c]!.shown;
			if (passesUp) total += partTotal[c]!;
			for (let v = 0; v < values; v++) {
				const [iv, cv] = [at(i, v), at(c, v)];
				subtree[iv] = subtree[iv]! + subtree[cv]!;
				if (passesUp) part[iv] = part[iv]! + part[cv]!;
				if (notAllowedBelow[cv]) notAllowedBelow[iv] = 1;
			}
		}
		partTotal[i] = total;
		const self = shown[i]!;
		if (!self.shown) {
			cells.set(
				ids[i]!,
				Array.from({ length: values }, () => ({ shown: false, reason: self.reason }))
			);
			continue;
		}
		const partCells = Array.from({ length: values }, (_, v) => part[at(i, v)]!);
		const hiddenCells = partCells.map((count, v): SuppressionReason | null =>
			notAllowedBelow[at(i, v)] || (count > 0 && count < k) ? 'secondary' : null
		);
		hideUntilRemainderSafe(total, partCells, hiddenCells, k);
		const result = partCells.map((_, v): CellDisclosure => {
			const people = subtree[at(i, v)]!;
			const reason = people < k ? 'below-k' : hiddenCells[v];
			return reason ? { shown: false, reason } : { shown: true, n: people };
		});
		cells.set(ids[i]!, result);
		// What this unit tells its ancestors: a value it does not allow although it has people with
		// it. A hidden unit passes on what its shown descendants said.
		for (let v = 0; v < values; v++) {
			notAllowedBelow[at(i, v)] = !result[v]!.shown && subtree[at(i, v)]! > 0 ? 1 : 0;
		}
	}
	return { base, cells: new Map(ids.map((id) => [id, cells.get(id)!])) };
}

// ---- Across waves --------------------------------------------------------------------------------

/** What a comparison needs to know of a wave's figure for one unit. */
export interface WaveFigure<T> {
	/** Results exist only for closed waves: no live figures while answers still come in. */
	status: WaveStatus;
	figure: Disclosed<T>;
}

export type WaveComparison<T> =
	| { shown: true; earlier: { n: number; value: T }; later: { n: number; value: T } }
	| { shown: false; reason: SuppressionReason };

/**
 * Two waves of one unit side by side: only when both are closed and both figures passed their
 * wave's own plan. The comparison carries means and shares with their n, never a difference of
 * counts or sums: "3 more respondents than last time" would be a count below k.
 *
 * There is deliberately no extra rule on how much n changed. Answers are anonymous, so n says
 * nothing about who answered: the same n can be all different people and a change of one can be
 * one newcomer or ten. And both waves' figures are on screen anyway, each in its own wave, so
 * refusing the side-by-side view would hide nothing. Two waves are different answers at different
 * times; no sum or difference of them isolates anybody's answers of either wave. What does
 * protect: no figures of an open wave (successive views of a growing wave differ by the newest
 * answers), and a closed wave's plan frozen with its k and unit tree (re-planning it after a
 * reorganisation would give a second, different set of figures over the same answers).
 */
export function compareWaves<T>(earlier: WaveFigure<T>, later: WaveFigure<T>): WaveComparison<T> {
	if (earlier.status !== 'closed' || later.status !== 'closed') return { shown: false, reason: 'no-data' };
	if (!earlier.figure.shown) return { shown: false, reason: earlier.figure.reason };
	if (!later.figure.shown) return { shown: false, reason: later.figure.reason };
	return {
		shown: true,
		earlier: { n: earlier.figure.n, value: earlier.figure.value },
		later: { n: later.figure.n, value: later.figure.value }
	};
}
