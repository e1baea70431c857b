import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	planDisclosure,
	planFilterCells,
	planFilteredDisclosure,
	planSensitiveDisclosure,
	type CountedUnit,
	type DisclosurePlan,
	type FilteredUnit
} from './anonymity';
import { inSpan, recoverableSmallGroup } from './disclosure-span';

// ---- Random unit trees ----------------------------------------------------------------------------

interface RandomTree {
	units: CountedUnit[];
	/** Position in `units` of each unit's parent, -1 for a root. */
	parents: number[];
}

const ownCount = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 30 }));

/**
 * 1 to 60 units; `spread` 1 makes a chain, 60 a bushy tree; now and then a second root. Ids are
 * not in list order, so that ordering by id is tested rather than assumed.
 */
function treeShape(maxUnits = 60) {
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

const idOf = (i: number) => `u${String((i * 37) % 101).padStart(3, '0')}`;

const randomTree = fc
	.tuple(treeShape(), fc.array(ownCount, { minLength: 60, maxLength: 60 }))
	.map(([parents, counts]): RandomTree => ({
		parents,
		units: parents.map((p, i) => ({ id: idOf(i), parentId: p < 0 ? null : idOf(p), ownCount: counts[i]! }))
	}));

const anyK = fc.integer({ min: 3, max: 10 });

/** Each unit's subtree as unit positions, computed here independently of the module. */
function subtrees(parents: readonly number[]): number[][] {
	const result = parents.map((_, i) => [i]);
	for (let i = parents.length - 1; i >= 0; i--) {
		const p = parents[i]!;
		if (p >= 0) result[p]!.push(...result[i]!);
	}
	return result;
}

function shownUnitSets(tree: RandomTree, plan: DisclosurePlan, subtree: number[][]): number[][] {
	return tree.units.flatMap((u, i) => (plan.units.get(u.id)!.shown ? [subtree[i]!] : []));
}

function hiddenReasons(plan: DisclosurePlan) {
	return new Map([...plan.units.values()].flatMap((u) => (u.shown ? [] : [[u.id, u.reason] as const])));
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	let s = seed || 1;
	for (let i = out.length - 1; i > 0; i--) {
		s = (s * 48271) % 2147483647;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

// ---- The check itself --------------------------------------------------------------------------

describe('recoverableSmallGroup (the exact check the properties rely on)', () => {
	it.each([
		{
			name: 'parent minus visible children: the parent’s own 2 people',
			counts: [2, 6, 7],
			shown: [[0, 1, 2], [1], [2]],
			k: 5,
			recoverable: true
		},
		{
			name: 'a filter minus its remainder: the 3 people without the value',
			counts: [6, 3],
			shown: [[0, 1], [0]],
			k: 5,
			recoverable: true
		},
		{
			name: 'two overlapping segments and their union: the part only in the first',
			counts: [4, 3, 5],
			shown: [
				[0, 1],
				[1, 2],
				[0, 1, 2]
			],
			k: 5,
			recoverable: true
		},
		{
			name: 'a group recovered only through several figures: (A+B) + (C+D) − (B+C+D)',
			counts: [2, 5, 3, 4],
			shown: [
				[0, 1],
				[2, 3],
				[1, 2, 3]
			],
			k: 5,
			recoverable: true
		},
		{
			// docs/anonymity.md, example 10, as a plan per band with complements would show it. Atoms:
			// Training's own under 30 (2) and 30 and over (5), the trainees (6, all under 30).
			name: 'a band of a department minus a team that is all in that band',
			counts: [2, 5, 6],
			shown: [[0, 1, 2], [2], [0, 2], [1]],
			k: 5,
			recoverable: true
		},
		{
			name: 'two overlapping segments alone: the 3 people in both cannot be isolated',
			counts: [4, 3, 5],
			shown: [
				[0, 1],
				[1, 2]
			],
			k: 5,
			recoverable: false
		},
		{
			name: 'nested figures whose differences all reach k',
			counts: [5, 6, 7],
			shown: [[0, 1, 2], [1], [2]],
			k: 5,
			recoverable: false
		},
		{
			name: 'atoms in no shown figure are not recoverable, however small',
			counts: [1, 8],
			shown: [[1]],
			k: 5,
			recoverable: false
		}
	])('$name', ({ counts, shown, k, recoverable }) => {
		const found = recoverableSmallGroup(counts, shown, k);
		expect(found !== null).toBe(recoverable);
		if (found) {
			const people = found.reduce((s, a) => s + counts[a]!, 0);
			expect(people > 0 && people < k).toBe(true);
			expect(inSpan(counts, shown, found)).toBe(true);
		}
	});

	it('agrees with trying every set of atoms on small random systems', () => {
		const system = fc
			.record({
				counts: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 9 }),
				k: fc.integer({ min: 3, max: 8 }),
				masks: fc.array(fc.integer({ min: 1, max: 511 }), { minLength: 1, maxLength: 7 })
			})
			.map(({ counts, k, masks }) => ({
				counts,
				k,
				shown: masks.map((m) => counts.flatMap((_, a) => (m & (1 << a) ? [a] : [])))
			}));
		fc.assert(
			fc.property(system, ({ counts, k, shown }) => {
				const n = counts.length;
				let exists = false;
				for (let mask = 1; mask < 1 << n && !exists; mask++) {
					const group = counts.flatMap((_, a) => (mask & (1 << a) ? [a] : []));
					const people = group.reduce((s, a) => s + counts[a]!, 0);
					if (people > 0 && people < k && inSpan(counts, shown, group)) exists = true;
				}
				const found = recoverableSmallGroup(counts, shown, k);
				expect(found !== null).toBe(exists);
				if (found) {
					const people = found.reduce((s, a) => s + counts[a]!, 0);
					expect(people).toBeGreaterThan(0);
					expect(people).toBeLessThan(k);
					expect(inSpan(counts, shown, found)).toBe(true);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

// ---- Unit trees ---------------------------------------------------------------------------------

describe('planDisclosure on random trees', () => {
	it('shows no unit with fewer than k people, and hides every such unit', () => {
		fc.assert(
			fc.property(randomTree, anyK, (tree, k) => {
				const plan = planDisclosure(tree.units, k);
				const subtree = subtrees(tree.parents);
				tree.units.forEach((u, i) => {
					const people = subtree[i]!.reduce((s, j) => s + tree.units[j]!.ownCount, 0);
					const unit = plan.units.get(u.id)!;
					expect(unit.subtreeCount).toBe(people);
					if (people < k) expect(unit).toMatchObject({ shown: false, reason: 'below-k' });
				});
			}),
			{ numRuns: 1000 }
		);
	});

	it('leaves no group of 1 to k-1 people recoverable by any sum or difference of shown figures', () => {
		fc.assert(
			fc.property(randomTree, anyK, (tree, k) => {
				const plan = planDisclosure(tree.units, k);
				const shown = shownUnitSets(tree, plan, subtrees(tree.parents));
				const counts = tree.units.map((u) => u.ownCount);
				expect(recoverableSmallGroup(counts, shown, k)).toBeNull();
			}),
			{ numRuns: 1000 }
		);
	});

	it('stays safe when more units are hidden afterwards: hiding never undoes protection', () => {
		fc.assert(
			fc.property(
				randomTree,
				anyK,
				fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
				(tree, k, drop) => {
					const plan = planDisclosure(tree.units, k);
					const subtree = subtrees(tree.parents);
					const shown = tree.units.flatMap((u, i) =>
						plan.units.get(u.id)!.shown && !drop[i] ? [subtree[i]!] : []
					);
					const counts = tree.units.map((u) => u.ownCount);
					expect(recoverableSmallGroup(counts, shown, k)).toBeNull();
				}
			),
			{ numRuns: 500 }
		);
	});

	it('is deterministic: the order of the list does not matter', () => {
		fc.assert(
			fc.property(randomTree, anyK, fc.integer({ min: 1, max: 1e9 }), (tree, k, seed) => {
				const plan = planDisclosure(tree.units, k);
				const again = planDisclosure(shuffled(tree.units, seed), k);
				expect([...again.units.entries()]).toEqual([...plan.units.entries()]);
			}),
			{ numRuns: 300 }
		);
	});

	it('is a fixpoint: planning again with its hidden units given changes nothing', () => {
		fc.assert(
			fc.property(randomTree, anyK, (tree, k) => {
				const plan = planDisclosure(tree.units, k);
				const again = planDisclosure(tree.units, k, { hidden: hiddenReasons(plan) });
				expect([...again.units.entries()]).toEqual([...plan.units.entries()]);
			}),
			{ numRuns: 300 }
		);
	});

	it('keeps given hidden units hidden with their reason, and stays safe', () => {
		fc.assert(
			fc.property(
				randomTree,
				anyK,
				fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
				(tree, k, force) => {
					const hidden = new Map(
						tree.units.flatMap((u, i) => (force[i] ? [[u.id, 'no-data'] as const] : []))
					);
					const plan = planDisclosure(tree.units, k, { hidden });
					for (const id of hidden.keys())
						expect(plan.units.get(id)).toMatchObject({ shown: false, reason: 'no-data' });
					const shown = shownUnitSets(tree, plan, subtrees(tree.parents));
					expect(
						recoverableSmallGroup(
							tree.units.map((u) => u.ownCount),
							shown,
							k
						)
					).toBeNull();
				}
			),
			{ numRuns: 300 }
		);
	});

	it('counts pooled units in their nearest shown ancestor, and lists them there', () => {
		fc.assert(
			fc.property(randomTree, anyK, (tree, k) => {
				const plan = planDisclosure(tree.units, k);
				const index = new Map(tree.units.map((u, i) => [u.id, i]));
				const subtree = subtrees(tree.parents);
				const listed = new Map<string, string>();
				for (const unit of plan.units.values())
					if (unit.shown) for (const id of unit.pooled) listed.set(id, unit.id);

				tree.units.forEach((u, i) => {
					const unit = plan.units.get(u.id)!;
					let ancestor = tree.parents[i]!;
					while (ancestor >= 0 && !plan.units.get(tree.units[ancestor]!.id)!.shown)
						ancestor = tree.parents[ancestor]!;
					const nearest = ancestor >= 0 ? tree.units[ancestor]!.id : null;
					if (unit.shown) {
						expect(listed.has(u.id)).toBe(false);
						// Its figure is its own people, its pooled units' and its nearest shown sub-units'.
						const part = [u.id, ...unit.pooled].reduce(
							(s, id) => s + tree.units[index.get(id)!]!.ownCount,
							0
						);
						const below = subtree[i]!.filter((j) => {
							if (j === i || !plan.units.get(tree.units[j]!.id)!.shown) return false;
							let p = tree.parents[j]!;
							while (p !== i && !plan.units.get(tree.units[p]!.id)!.shown) p = tree.parents[p]!;
							return p === i;
						});
						const covered = below.reduce((s, j) => s + plan.units.get(tree.units[j]!.id)!.subtreeCount, 0);
						expect(part + covered).toBe(unit.subtreeCount);
						expect(part === 0 || part >= k).toBe(true);
					} else {
						expect(unit.pooledInto).toBe(nearest);
						expect(listed.get(u.id) ?? null).toBe(nearest);
						if (nearest) expect(subtree[index.get(nearest)!]).toContain(i);
					}
				});
			}),
			{ numRuns: 500 }
		);
	});
});

describe('planSensitiveDisclosure on random trees', () => {
	it('is safe at the sensitive minimum, shows a subset of the ordinary plan, and labels its extra hides', () => {
		fc.assert(
			fc.property(randomTree, anyK, fc.integer({ min: 0, max: 10 }), (tree, k, extra) => {
				const sensitiveK = k + extra;
				const ordinary = planDisclosure(tree.units, k);
				const sensitive = planSensitiveDisclosure(tree.units, ordinary, sensitiveK);
				const subtree = subtrees(tree.parents);
				const counts = tree.units.map((u) => u.ownCount);
				const sensitiveSets = shownUnitSets(tree, sensitive, subtree);
				expect(recoverableSmallGroup(counts, sensitiveSets, sensitiveK)).toBeNull();
				// Together, the n of both plans reveal no count below k.
				const both = [...shownUnitSets(tree, ordinary, subtree), ...sensitiveSets];
				expect(recoverableSmallGroup(counts, both, k)).toBeNull();
				for (const unit of sensitive.units.values()) {
					const before = ordinary.units.get(unit.id)!;
					if (unit.shown) expect(before.shown).toBe(true);
					else if (before.shown) expect(unit.reason).toBe('sensitive');
					else expect(unit.reason).toBe(before.reason);
					if (unit.shown) expect(unit.subtreeCount).toBeGreaterThanOrEqual(sensitiveK);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

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
