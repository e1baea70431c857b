import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planTreeOf } from '../../domain/anonymity';
import { cellsOf, packedCellsOf, type UnitSummary, type WaveResult } from '../../domain/wave-results';
import { BAROMETER, dimensionsOf } from '../../instruments';
import { treeOf } from './common';
import { byUnitId, columnsOfSummaries } from './packs';
import { indexTree } from './rollup';
import { planWave, type ClosedWave, type WaveTree } from './wave-results';
import { decodeWaveResult, encodeWaveResult } from './wave-store';
import { idOf, summaryOf } from '../../../../tests/helpers/random-trees';

// What is stored of a wave's results (wave-store.ts) reads back as the very results: every plan
// entry, total and cell bit for bit, on random trees, summaries, k settings and dimensions; and a
// value that does not fit the wave (another tree, other dimensions, bytes changed) is never taken
// for its results.

/** A random tree: unit i's parent is one of the units before it, or none. */
const trees = fc
	.array(fc.nat(), { minLength: 1, maxLength: 40 })
	.map((parents) =>
		parents.map((p, i) => ({ id: idOf(i), parentId: i === 0 || p % 4 === 0 ? null : idOf(p % i) }))
	);

function waveTreeOf(units: ReadonlyArray<{ id: string; parentId: string | null }>): WaveTree {
	const tree = treeOf(units);
	return {
		units: units.map((u) => ({ ...u, code: u.id, name: u.id })) as never,
		tree,
		index: indexTree(tree),
		plan: planTreeOf(tree)
	};
}

const waves = fc.record({
	units: trees,
	includeModule: fc.boolean(),
	k: fc.integer({ min: 3, max: 8 }),
	extraK: fc.integer({ min: 0, max: 5 }),
	// Per pick: a unit (some not in the tree), its people, a score and whether everybody scored every dimension.
	picks: fc.array(
		fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.double({ min: 1, max: 5, noNaN: true }), fc.boolean()),
		{
			minLength: 0,
			maxLength: 60
		}
	)
});

type WaveInput = typeof waves extends fc.Arbitrary<infer T> ? T : never;

function planned(input: WaveInput) {
	const dimensions = dimensionsOf(BAROMETER, input.includeModule).length;
	const chosen = new Map<string, UnitSummary>();
	for (const [unit, people, score, all] of input.picks) {
		const id = unit % 9 === 0 ? `unknown${unit}` : idOf(unit % input.units.length);
		const n = Array.from({ length: dimensions }, (_, d) => (all ? people : Math.max(0, people - (d % 3))));
		chosen.set(id, summaryOf(id, people, n, score));
	}
	const wave = {
		definition: BAROMETER,
		include_module: input.includeModule,
		min_group_size: input.k,
		sensitive_min_group_size: input.k + input.extraK
	} as ClosedWave;
	const tree = waveTreeOf(input.units);
	const result = planWave(tree, columnsOfSummaries([...chosen.values()].sort(byUnitId), dimensions), wave);
	return {
		tree,
		result,
		ids: result.dimensionIds,
		unknown: [...chosen.keys()].filter((id) => id.startsWith('unknown'))
	};
}

function expectSame(read: WaveResult, result: WaveResult, ids: readonly string[]) {
	expect(read.dimensionIds).toEqual(result.dimensionIds);
	expect(read.plans.length).toBe(result.plans.length);
	const plans = [...result.plans, result.respondentPlan];
	const readPlans = [...read.plans, read.respondentPlan];
	plans.forEach((plan, p) => {
		expect(readPlans[p]!.k).toBe(plan.k);
		expect([...readPlans[p]!.units]).toEqual([...plan.units]);
		// Plans shared between dimensions stay shared.
		plans.forEach((other, q) => expect(readPlans[p] === readPlans[q]).toBe(plan === other));
	});
	expect([...read.totals.keys()]).toEqual([...result.totals.keys()]);
	for (const [id, total] of result.totals) {
		const got = read.totals.get(id)!;
		expect(got.respondents).toBe(total.respondents);
		expect([...got.values]).toEqual([...total.values]);
	}
	for (const id of ids) {
		expect([...packedCellsOf(read, id)]).toEqual([...packedCellsOf(result, id)]);
		expect(cellsOf(read, id)).toEqual(cellsOf(result, id));
	}
}

describe('stored wave results', () => {
	it('read back as the results they were made from, bit for bit', () => {
		fc.assert(
			fc.property(waves, (input) => {
				const { tree, result, unknown } = planned(input);
				const value = encodeWaveResult(result, tree)!;
				expect(value).not.toBeNull();
				// Read onto the tree as another request builds it from the same units.
				const again = waveTreeOf(input.units);
				const read = decodeWaveResult(value, again, result.dimensionIds)!;
				expect(read).not.toBeNull();
				expectSame(read, result, [...again.plan.ids, ...unknown, 'not-a-unit']);
				// At any byte offset (a value read from the middle of a buffer).
				const shifted = new Uint8Array(value.byteLength + 3);
				shifted.set(value, 3);
				expectSame(
					decodeWaveResult(shifted.subarray(3), again, result.dimensionIds)!,
					result,
					again.plan.ids
				);
			}),
			{ numRuns: 200 }
		);
	});

	it('are not read onto another tree or for other dimensions', () => {
		fc.assert(
			fc.property(waves, fc.nat(), (input, pick) => {
				const { tree, result } = planned(input);
				const value = encodeWaveResult(result, tree)!;
				const units = input.units;
				// A unit more, a unit less, or a unit under another parent.
				const moved = units.map((u, i) =>
					i === pick % units.length
						? { ...u, parentId: u.parentId === null ? idOf((i + 1) % units.length) : null }
						: u
				);
				const others = [[...units, { id: 'extra', parentId: null }], units.slice(0, -1), moved].filter(
					(o) => o.length > 0 && JSON.stringify(treeOf(o)) !== JSON.stringify(treeOf(units))
				);
				for (const other of others) {
					let tree2: WaveTree;
					try {
						tree2 = waveTreeOf(other);
					} catch {
						continue; // a cycle: no tree at all
					}
					expect(decodeWaveResult(value, tree2, result.dimensionIds)).toBeNull();
				}
				expect(decodeWaveResult(value, tree, [...result.dimensionIds].reverse().concat('x'))).toBeNull();
				expect(decodeWaveResult(value, tree, result.dimensionIds.slice(1))).toBeNull();
			}),
			{ numRuns: 100 }
		);
	});

	it('a value cut short, lengthened or with bytes changed gives nothing, or results of the same shape, never an error', () => {
		fc.assert(
			fc.property(
				waves,
				fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
				fc.integer({ min: -16, max: 16 }),
				(input, flips, cut) => {
					const { tree, result } = planned(input);
					const value = encodeWaveResult(result, tree)!;
					const changed = new Uint8Array(Math.max(0, value.byteLength + cut));
					changed.set(value.subarray(0, changed.byteLength));
					for (const [at, byte] of flips) if (changed.byteLength) changed[at % changed.byteLength] = byte;
					const read = decodeWaveResult(changed, tree, result.dimensionIds);
					if (read === null) return;
					// What decodes is a set of plans on this tree for these dimensions (planOfArrays checked them).
					expect(read.plans.length).toBe(result.plans.length);
					for (const plan of [...read.plans, read.respondentPlan])
						expect(plan.units.size).toBe(tree.plan.ids.length);
					expect(read.totals.size).toBeGreaterThanOrEqual(tree.plan.ids.length);
				}
			),
			{ numRuns: 200 }
		);
	});
});
