import { describe, expect, it } from 'vitest';
import { batches, LARGE_BATCH_SIZE, unitRows } from './large';
import { largeUnits } from './structure';

describe('unit rows of the large organisation', () => {
	const units = largeUnits();
	const { rows, unitIds } = unitRows('00000000-0000-4000-8000-000000000000', units);

	it('has one row with a unique id per unit', () => {
		expect(rows).toHaveLength(2500);
		expect(unitIds.size).toBe(2500);
		expect(new Set(rows.map((r) => r.id)).size).toBe(2500);
		expect(rows.every((r) => r.organisation_id === '00000000-0000-4000-8000-000000000000')).toBe(true);
	});

	it('points every child at its parent, which comes earlier', () => {
		const position = new Map(rows.map((r, i) => [r.id, i]));
		units.forEach((u, i) => {
			const row = rows[i]!;
			expect(row.code).toBe(u.code);
			expect(unitIds.get(u.code)).toBe(row.id);
			if (u.parentCode === null) expect(row.parent_id).toBeNull();
			else {
				expect(row.parent_id).toBe(unitIds.get(u.parentCode));
				expect(position.get(row.parent_id!)).toBeLessThan(i);
			}
		});
	});

	it('refuses a child before its parent', () => {
		expect(() =>
			unitRows('org', [
				{ code: 'C', name: 'Child', parentCode: 'P', headcount: 1 },
				{ code: 'P', name: 'Parent', parentCode: null, headcount: 1 }
			])
		).toThrow(/before its parent/);
	});

	it('inserts in batches of 500, in order', () => {
		const parts = batches(rows);
		expect(parts.map((p) => p.length)).toEqual([500, 500, 500, 500, 500]);
		expect(parts.flat()).toEqual(rows);
		expect(batches([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
		expect(LARGE_BATCH_SIZE).toBe(500);
	});
});
