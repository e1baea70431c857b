import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	anyK,
	ownCount as ownCountOrZero,
	randomTree,
	shuffled,
	subtrees,
	type RandomTree
} from '../../../tests/helpers/random-trees';
import {
	discloseEachPacked,
	planDimensionCounts,
	planDimensions,
	planDisclosure,
	planSensitiveDisclosure,
	planTreeOf,
	type CountedUnit,
	type DisclosurePlan
} from './anonymity';
import { inSpan, recoverableSmallGroup } from './disclosure-span';

// ---- Checks on plans ---------------------------------------------------------------------------

function shownUnitSets(tree: RandomTree, plan: DisclosurePlan, subtree: number[][]): number[][] {
	return tree.units.flatMap((u, i) => (plan.units.get(u.id)!.shown ? [subtree[i]!] : []));
}

function hiddenReasons(plan: DisclosurePlan) {
	return new Map([...plan.units.values()].flatMap((u) => (u.shown ? [] : [[u.id, u.reason] as const])));
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

describe('planDimensionCounts on random trees', () => {
	// Up to six dimensions drawing their counts from three columns (so that some share a plan),
	// each sensitive or not, on a random tree whose list is shuffled.
	const dimensionsOn = fc.record({
		columns: fc.array(fc.array(ownCountOrZero, { minLength: 60, maxLength: 60 }), {
			minLength: 1,
			maxLength: 3
		}),
		uses: fc.array(fc.record({ column: fc.nat(2), sensitive: fc.boolean() }), { minLength: 1, maxLength: 6 }),
		extra: fc.integer({ min: 0, max: 10 }),
		seed: fc.integer({ min: 1, max: 1e9 })
	});

	it('gives each dimension the plan planDimensions gives, entry by entry, and packs the same figures', () => {
		fc.assert(
			fc.property(randomTree, anyK, dimensionsOn, (tree, k, { columns, uses, extra, seed }) => {
				const units = shuffled(tree.units, seed);
				const dimensions = uses.map((_, d) => `d${d}`);
				const columnOf = (d: string) => columns[uses[Number(d.slice(1))]!.column % columns.length]!;
				const counted = columns.map((column) =>
					units.map((u): CountedUnit => ({ ...u, ownCount: column[tree.units.indexOf(u)]! }))
				);
				const countedOf = (d: string) => counted[columns.indexOf(columnOf(d))]!;
				const own = columns.map((column) => Float64Array.from(units, (u) => column[tree.units.indexOf(u)]!));
				const ownOf = (d: string) => own[columns.indexOf(columnOf(d))]!;
				const settings = {
					k,
					sensitiveK: k + extra,
					sensitive: new Set(dimensions.filter((_, d) => uses[d]!.sensitive))
				};
				const expected = planDimensions(dimensions, countedOf, settings);
				const actual = planDimensionCounts(planTreeOf(units), dimensions, ownOf, settings);
				for (const d of dimensions) {
					const plan = actual.get(d)!;
					expect(plan.k).toBe(expected.get(d)!.k);
					expect(plan.units.size).toBe(expected.get(d)!.units.size);
					expect([...plan.units.entries()]).toEqual([...expected.get(d)!.units.entries()]);
					for (const u of units) expect(plan.units.get(u.id)).toEqual(expected.get(d)!.units.get(u.id));
				}
				// The packed figures read the plans' arrays directly: the same as through their entries.
				const plans = dimensions.map((d) => actual.get(d)!);
				const viaEntries = dimensions.map((d) => ({ k: k, units: new Map(actual.get(d)!.units) }));
				const fill = (_: null, i: number, n: number, out: Float64Array, at: number) => {
					out[at] = n * 10 + i;
					return n % 7 !== 3;
				};
				for (const id of [...units.map((u) => u.id), 'not-a-unit'])
					expect([...discloseEachPacked(plans, id, 1, null, fill)]).toEqual([
						...discloseEachPacked(viaEntries, id, 1, null, fill)
					]);
			}),
			{ numRuns: 300 }
		);
	});
});
