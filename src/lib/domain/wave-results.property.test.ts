import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDisclosure, suppressed, type SuppressionReason } from './anonymity';
import { cellAt, cellList } from './cells';
import {
	cellsOf,
	noCells,
	packCells,
	packedCellsOf,
	rollUpSummaries,
	type UnitSummary,
	type WaveResult
} from './wave-results';

/**
 * The packed cells a heatmap keeps and sends (one Float64Array a row) against the cells as objects
 * (cellsOf), on random trees, answers, k and reasons: the same figures bit for bit, and a hidden
 * cell holds nothing but its reason.
 */

const REASONS: SuppressionReason[] = ['below-k', 'secondary', 'remainder', 'sensitive', 'no-data', 'changed'];

const world = fc
	.record({
		// Unit i's parent is one of the units before it; unit 0 is the root.
		parents: fc.array(fc.nat(), { minLength: 1, maxLength: 14 }),
		dimensions: fc.integer({ min: 1, max: 5 }),
		// Per unit: its people's scores per dimension (NaN: not scored), 0 to 8 people.
		people: fc.array(
			fc.array(
				fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(NaN)), { maxLength: 5 }),
				{
					maxLength: 8
				}
			),
			{ minLength: 14, maxLength: 14 }
		),
		k: fc.integer({ min: 3, max: 6 }),
		// Per dimension: its plan's k above the wave's (a sensitive dimension) and the reason it gives.
		extraK: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
		reasons: fc.array(fc.constantFrom(...REASONS), { minLength: 5, maxLength: 5 })
	})
	.map(({ parents, dimensions, people, k, extraK, reasons }) => {
		const units = parents.map((p, i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${p % i}` }));
		const summaries: UnitSummary[] = units.map((u, i) => {
			const answers = people[i]!;
			const scoresOf = (d: number) => answers.map((a) => a[d] ?? NaN).filter((s) => !Number.isNaN(s));
			const dims = Array.from({ length: dimensions }, (_, d) => scoresOf(d));
			return {
				unitId: u.id,
				respondents: answers.length,
				scored: dims.map((s) => s.length),
				scoreSum: dims.map((s) => s.reduce((a, b) => a + b, 0)),
				scoreSumSq: dims.map((s) => s.reduce((a, b) => a + b * b, 0)),
				green: dims.map((s) => s.filter((x) => x < 50).length),
				orange: dims.map((s) => s.filter((x) => x >= 50 && x < 75).length),
				red: dims.map((s) => s.filter((x) => x >= 75).length)
			};
		});
		const counted = units.map((u, i) => ({ ...u, ownCount: people[i]!.length }));
		const result: WaveResult = {
			plans: Array.from({ length: dimensions }, (_, d) =>
				planDisclosure(counted, k + extraK[d]!, { reason: reasons[d] })
			),
			respondentPlan: planDisclosure(counted, k),
			totals: rollUpSummaries(units, summaries, dimensions),
			dimensionIds: Array.from({ length: dimensions }, (_, d) => `d${d}`)
		};
		// Every unit, and one no plan knows.
		return { result, ids: [...units.map((u) => u.id), 'elsewhere'] };
	});

describe('packed heatmap cells', () => {
	it('give back every cell of cellsOf, bit for bit, through cellAt and cellList', () => {
		fc.assert(
			fc.property(world, ({ result, ids }) => {
				for (const id of ids) {
					const objects = cellsOf(result, id);
					const packed = packedCellsOf(result, id);
					expect(cellList(packed)).toStrictEqual(objects);
					objects.forEach((cell, d) => expect(cellAt(packed, d)).toStrictEqual(cell));
					// Packing the objects again gives the same array.
					expect([...packCells(objects)]).toStrictEqual([...packed]);
				}
			}),
			{ numRuns: 200 }
		);
	});

	it('keep nothing of a hidden cell but its reason', () => {
		let hidden = 0;
		fc.assert(
			fc.property(world, ({ result, ids }) => {
				for (const id of ids) {
					const packed = packedCellsOf(result, id);
					const width = packed.length / result.plans.length;
					cellList(packed).forEach((cell, d) => {
						const slots = [...packed.subarray(d * width, (d + 1) * width)];
						if (cell.shown) {
							expect(slots[0]).toBe(cell.n);
							return;
						}
						hidden++;
						expect(slots[0]).toBeLessThan(0);
						expect(slots.slice(1)).toEqual(slots.slice(1).map(() => 0));
					});
				}
			}),
			{ numRuns: 200 }
		);
		expect(hidden).toBeGreaterThan(0);
	});

	it('code every reason and give it back', () => {
		for (const reason of REASONS) {
			const [cell] = cellList(packCells([suppressed(reason)]));
			expect(cell).toEqual({ shown: false, reason });
		}
	});

	it('show nothing for a row left out of its wave', () => {
		fc.assert(
			fc.property(world, ({ result }) => {
				const cells = cellList(noCells(result));
				expect(cells).toHaveLength(result.plans.length);
				for (const cell of cells) expect(cell).toEqual({ shown: false, reason: 'no-data' });
			}),
			{ numRuns: 30 }
		);
	});
});
