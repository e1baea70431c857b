import fc from 'fast-check';
import type { CountedUnit } from '../../src/lib/domain/anonymity';
import type { UnitSummary } from '../../src/lib/domain/wave-results';

/** Random unit trees for the property tests of the disclosure rules, and what they need to check them. */

export interface RandomTree {
	units: CountedUnit[];
	/** Position in `units` of each unit's parent, -1 for a root. */
	parents: number[];
}

export const ownCount = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 }));

/**
 * 1 to 60 units; `spread` 1 makes a chain, 60 a bushy tree; now and then a second root. Ids are
 * not in list order, so that ordering by id is tested rather than assumed.
 */
export function treeShape(maxUnits = 60) {
	return fc
		.record({
			size: fc.integer({ min: 1, max: maxUnits }),
			spread: fc.integer({ min: 1, max: 60 }),
			links: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: maxUnits, maxLength: maxUnits })
		})
		.map(({ size, spread, links }) =>
			Array.from({ length: size }, (_, i) =>
				i === 0 || links[i]! < 15 ? -1 : i - 1 - (links[i]! % Math.min(i, spread))
			)
		);
}

export const idOf = (i: number) => `u${String((i * 37) % 101).padStart(3, '0')}`;

export const randomTree = fc
	.tuple(treeShape(), fc.array(ownCount, { minLength: 60, maxLength: 60 }))
	.map(([parents, counts]): RandomTree => ({
		parents,
		units: parents.map((p, i) => ({ id: idOf(i), parentId: p < 0 ? null : idOf(p), ownCount: counts[i]! }))
	}));

export const anyK = fc.integer({ min: 3, max: 10 });

/** Each unit's subtree as unit positions, computed here independently of the module. */
export function subtrees(parents: readonly number[]): number[][] {
	const result = parents.map((_, i) => [i]);
	for (let i = parents.length - 1; i >= 0; i--) {
		const p = parents[i]!;
		if (p >= 0) result[p]!.push(...result[i]!);
	}
	return result;
}

/** The items in an order fixed by the seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	let s = seed || 1;
	for (let i = out.length - 1; i > 0; i--) {
		s = (s * 48271) % 2147483647;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** A unit's wave summary with `scored` people per dimension, each with the same score: band counts follow. */
export function summaryOf(unitId: string, respondents: number, scored: number[], score: number): UnitSummary {
	return {
		unitId,
		respondents,
		scored,
		scoreSum: scored.map((x) => x * score),
		scoreSumSq: scored.map((x) => x * score * score),
		green: scored.map((x) => Math.floor(x / 2)),
		orange: scored.map((x) => Math.floor(x / 4)),
		red: scored.map((x) => x - Math.floor(x / 2) - Math.floor(x / 4))
	};
}
