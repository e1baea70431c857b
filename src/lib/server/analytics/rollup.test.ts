import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnitMonthFigures } from '../../domain/signals/figures';
import { FIGURES } from '../../domain/signals/formats';
import { rollUpFigures } from '../../domain/signals/indicators';
import { rollUpSummaries, type UnitSummary } from '../../domain/wave-results';
import { ResultCache } from './cache';
import { byUnitId, bytesPerUnit, columnsOfSummaries, decodePack, FIELDS } from './packs';
import { indexTree, rollUpColumns, rollUpFigureColumns } from './rollup';
import { summaryOf } from '../../../../tests/helpers/random-trees';

/** A random tree: unit i's parent is one of the units before it, or none. */
const trees = fc
	.array(fc.nat(), { minLength: 1, maxLength: 30 })
	.map((parents) =>
		parents.map((p, i) => ({ id: `u${i}`, parentId: i === 0 || p % 4 === 0 ? null : `u${p % i}` }))
	);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('rollUpColumns', () => {
	it('gives the totals of rollUpSummaries to the last bit, for units of the tree and unknown ones', () => {
		fc.assert(
			fc.property(
				trees,
				fc.integer({ min: 1, max: 4 }),
				// Enough summaries that a parent adds several children to its own numbers: sums of
				// fractional scores then depend on the order they are added in.
				fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.double({ min: 0, max: 100, noNaN: true })), {
					minLength: 5,
					maxLength: 60
				}),
				(units, dimensions, picks) => {
					const chosen = new Map<string, UnitSummary>();
					for (const [unit, people, score] of picks) {
						const id = unit % 7 === 0 ? `unknown${unit}` : `u${unit % units.length}`;
						const n = Array.from({ length: dimensions }, (_, d) => Math.max(0, people - d));
						chosen.set(id, summaryOf(id, people, n, score));
					}
					const summaries = [...chosen.values()].sort(byUnitId);
					const expected = rollUpSummaries(units, summaries, dimensions);
					const actual = rollUpColumns(
						indexTree(units),
						columnsOfSummaries(summaries, dimensions),
						dimensions
					);
					expect([...actual.totals.keys()].sort()).toEqual([...expected.keys()].sort());
					for (const [id, total] of expected) {
						const got = actual.totals.get(id)!;
						expect(got.respondents).toBe(total.respondents);
						expect(got.values.length).toBe(total.values.length);
						expect([...got.values]).toEqual([...total.values]);
						expect(actual.totals.has(id)).toBe(true);
					}
					// Read as a map every way: the same entries, once each.
					expect(actual.totals.size).toBe(expected.size);
					const entries = [...actual.totals.entries()];
					expect(entries.map(([id]) => id)).toEqual([...actual.totals.keys()]);
					expect([...actual.totals.values()]).toEqual(entries.map(([, total]) => total));
					const visited: string[] = [];
					actual.totals.forEach((total, id) => {
						expect(total).toEqual(actual.totals.get(id));
						visited.push(id);
					});
					expect(visited).toEqual(entries.map(([id]) => id));
					expect(actual.totals.has('not-a-unit')).toBe(false);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('rollUpFigureColumns', () => {
	it('gives the totals of rollUpFigures: present where a record of the subtree is, null spreading up', () => {
		fc.assert(
			fc.property(
				trees,
				fc.array(
					fc.tuple(
						fc.nat(),
						fc.nat({ max: 3 }),
						fc.array(fc.option(fc.double({ min: 0, max: 500, noNaN: true }), { freq: 6 }), {
							minLength: FIGURES.length,
							maxLength: FIGURES.length
						})
					)
				),
				(units, picks) => {
					const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
					const records = new Map<string, UnitMonthFigures>();
					for (const [unit, month, values] of picks) {
						const unitId = `u${unit % units.length}`;
						const record = { unitId, month: months[month]! } as UnitMonthFigures;
						FIGURES.forEach((id, f) => (record[id] = values[f] ?? null));
						records.set(`${unitId} ${month}`, record);
					}
					const figures = [...records.values()];
					const expected = rollUpFigures(
						units.map((u) => ({ ...u, code: u.id, name: u.id, headcount: null, archived: false })),
						figures
					);
					const tree = indexTree(units);
					const rolled = rollUpFigureColumns(tree, {
						figures: FIGURES.length,
						months: months.length,
						unitIds: figures.map((r) => r.unitId),
						month: Int32Array.from(figures, (r) => months.indexOf(r.month)),
						values: Float64Array.from(figures.flatMap((r) => FIGURES.map((id) => r[id] ?? NaN)))
					});
					const present = tree.ids.flatMap((_, i) =>
						months.filter((__, m) => rolled.present[i * months.length + m])
					);
					expect(present.length).toBe(expected.length);
					for (const total of expected) {
						const i = tree.position.get(total.unitId)!;
						const slot = i * months.length + months.indexOf(total.month);
						expect(rolled.present[slot]).toBe(1);
						FIGURES.forEach((id, f) => {
							const got = rolled.values[slot * FIGURES.length + f]!;
							const want = total[id];
							if (want === null) expect(got).toBeNaN();
							else expect(close(got, want), `${total.unitId} ${total.month} ${id}`).toBe(true);
						});
					}
				}
			)
		);
	});
});

describe('decodePack', () => {
	it('reads the big-endian layout PostgreSQL writes with uuid_send, int4send and float8send', () => {
		const D = 2;
		const bytes = new Uint8Array(bytesPerUnit(D));
		const view = new DataView(bytes.buffer);
		const id = '0123abcd-4567-89ef-0011-223344556677';
		Buffer.from(id.replaceAll('-', ''), 'hex').copy(bytes, 0);
		view.setInt32(16, 9);
		const fields: Array<[number, 'int' | 'float', number[]]> = [
			[20, 'int', [9, 7]], // scored
			[28, 'float', [450.5, 301]], // sum
			[44, 'float', [25000.25, 14000]], // sum of squares
			[60, 'int', [5, 3]], // green
			[68, 'int', [3, 2]], // orange
			[76, 'int', [1, 2]] // red
		];
		for (const [at, kind, values] of fields)
			values.forEach((v, d) =>
				kind === 'int' ? view.setInt32(at + 4 * d, v) : view.setFloat64(at + 8 * d, v)
			);
		const columns = decodePack(bytes, 1, D);
		expect(columns.unitIds).toEqual([id]);
		expect([...columns.respondents]).toEqual([9]);
		for (let d = 0; d < D; d++)
			expect([...columns.values.subarray(d * FIELDS, (d + 1) * FIELDS)]).toEqual(
				fields.map(([, , v]) => v[d])
			);
		expect(() => decodePack(bytes.subarray(1), 1, D)).toThrow();
	});

	it('orders the units by id', () => {
		const bytes = new Uint8Array(2 * bytesPerUnit(1));
		const view = new DataView(bytes.buffer);
		bytes.fill(0xbb, 0, 16);
		view.setInt32(16, 2);
		bytes.fill(0xaa, bytesPerUnit(1), bytesPerUnit(1) + 16);
		view.setInt32(bytesPerUnit(1) + 16, 1);
		const columns = decodePack(bytes, 2, 1);
		expect(columns.unitIds.map((id) => id.slice(0, 2))).toEqual(['aa', 'bb']);
		expect([...columns.respondents]).toEqual([1, 2]);
	});
});

describe('ResultCache', () => {
	it('computes once per key, also for callers at the same time, and forgets the least recently used', async () => {
		const cache = new ResultCache<number>(2);
		let computed = 0;
		const compute = (value: number) => async () => {
			computed++;
			return value;
		};
		const [a, b] = await Promise.all([cache.get('a', compute(1)), cache.get('a', compute(2))]);
		expect([a, b, computed]).toEqual([1, 1, 1]);
		await cache.get('b', compute(3));
		await cache.get('a', compute(4)); // a is now the most recently used
		await cache.get('c', compute(5)); // b goes
		expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
		expect(await cache.get('b', compute(6))).toBe(6);
	});

	it('forgets a failed computation', async () => {
		const cache = new ResultCache<number>(4);
		await expect(cache.get('x', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
		expect(cache.has('x')).toBe(false);
		expect(await cache.get('x', async () => 7)).toBe(7);
	});
});
