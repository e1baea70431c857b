import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recoverableSmallGroup } from '../../src/lib/domain/disclosure-span';
import { anyK, idOf, shuffled, subtrees, treeShape } from '../helpers/random-trees';
import { planFilterCells, planFilteredDisclosure, type FilteredUnit } from './anonymity-filters';

/**
 * The filter rules of anonymity-filters.ts on random splits and trees, checked as the product's
 * plans are (src/lib/domain/anonymity.property.test.ts): no group of 1 to k-1 people can be
 * recovered by any sum or difference of the figures shown.
 */

// ---- Filters ------------------------------------------------------------------------------------

describe('planFilterCells on random splits', () => {
	it('shows cells of k or more whose remainders are 0 or k or more, and leaves nothing small recoverable', () => {
		const split = fc.record({
			cells: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 6 }),
			none: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })),
			k: anyK
		});
		fc.assert(
			fc.property(split, ({ cells, none, k }) => {
				const group = cells.reduce((a, b) => a + b, 0) + none;
				const plan = planFilterCells(group, cells, k);
				const shownCells = cells.flatMap((_, v) => (plan[v]!.shown ? [v] : []));
				const hiddenPeople = group - shownCells.reduce((s, v) => s + cells[v]!, 0);
				for (const v of shownCells) {
					expect(plan[v]).toEqual({ shown: true, n: cells[v] });
					expect(cells[v]!).toBeGreaterThanOrEqual(k);
					expect(group - cells[v]! === 0 || group - cells[v]! >= k).toBe(true);
				}
				if (group >= k) expect(hiddenPeople === 0 || hiddenPeople >= k).toBe(true);
				// Atoms: the cells, then the people without a value.
				const counts = [...cells, none];
				const all = counts.map((_, a) => a);
				const shown = group >= k ? [all, ...shownCells.map((v) => [v])] : [];
				expect(recoverableSmallGroup(counts, shown, k)).toBeNull();
			}),
			{ numRuns: 1000 }
		);
	});
});

/** A random tree whose units' own people are split over 1 to 4 values, some without a value. */
const randomFilteredTree = fc
	.tuple(
		treeShape(40),
		fc.integer({ min: 1, max: 4 }),
		fc.array(
			fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })), {
				minLength: 5,
				maxLength: 5
			}),
			{
				minLength: 40,
				maxLength: 40
			}
		)
	)
	.map(([parents, values, splits]) => ({
		parents,
		values,
		units: parents.map((p, i): FilteredUnit => {
			const split = splits[i]!;
			const ownCells = split.slice(0, values);
			const none = split[4]! % 3 === 0 ? split[4]! : 0;
			return {
				id: idOf(i),
				parentId: p < 0 ? null : idOf(p),
				ownCount: ownCells.reduce((a, b) => a + b, 0) + none,
				ownCells
			};
		})
	}));

describe('planFilteredDisclosure on random trees and splits', () => {
	it('leaves no group of 1 to k-1 people recoverable from the unfiltered and filtered figures together', () => {
		fc.assert(
			fc.property(randomFilteredTree, anyK, ({ parents, values, units }, k) => {
				const plan = planFilteredDisclosure(units, k);
				const subtree = subtrees(parents);
				// Atom (unit i, value v) is i * (values + 1) + v; v = values is "no value".
				const width = values + 1;
				const counts = units.flatMap((u) => [
					...u.ownCells,
					u.ownCount - u.ownCells.reduce((a, b) => a + b, 0)
				]);
				const shown: number[][] = [];
				units.forEach((u, i) => {
					if (!plan.base.units.get(u.id)!.shown) return;
					shown.push(subtree[i]!.flatMap((j) => Array.from({ length: width }, (_, v) => j * width + v)));
					plan.cells.get(u.id)!.forEach((cell, v) => {
						if (!cell.shown) return;
						const people = subtree[i]!.reduce((s, j) => s + units[j]!.ownCells[v]!, 0);
						expect(cell.n).toBe(people);
						expect(people).toBeGreaterThanOrEqual(k);
						shown.push(subtree[i]!.map((j) => j * width + v));
					});
				});
				for (const u of units)
					if (!plan.base.units.get(u.id)!.shown)
						expect(plan.cells.get(u.id)!.every((c) => !c.shown)).toBe(true);
				expect(recoverableSmallGroup(counts, shown, k)).toBeNull();
			}),
			{ numRuns: 400 }
		);
	});

	it('is deterministic: the order of the list does not matter', () => {
		fc.assert(
			fc.property(randomFilteredTree, anyK, fc.integer({ min: 1, max: 1e9 }), ({ units }, k, seed) => {
				const plan = planFilteredDisclosure(units, k);
				const again = planFilteredDisclosure(shuffled(units, seed), k);
				expect([...again.cells.entries()]).toEqual([...plan.cells.entries()]);
			}),
			{ numRuns: 200 }
		);
	});
});
