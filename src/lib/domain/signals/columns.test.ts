import { describe, expect, it } from 'vitest';
import { ColumnStore, column } from './columns';

const schema = {
	id: column(Int32Array),
	weight: column(Float64Array),
	flag: column(Uint8Array),
	pair: column(Float64Array, 2)
};

/** Appends rows 0..n-1, each cell derived from its row index. */
function filled(rows: number, capacity: number) {
	const store = new ColumnStore(schema, capacity);
	for (let r = 0; r < rows; r++) {
		const i = store.append();
		const cells = store.columns;
		cells.id[i] = r * 3;
		cells.weight[i] = r / 4;
		cells.flag[i] = r % 256;
		cells.pair[i * 2] = -r;
		cells.pair[i * 2 + 1] = r + 0.5;
	}
	return store;
}

describe('ColumnStore', () => {
	type Case = { name: string; rows: number; capacity: number };
	it.each`
		name                              | rows    | capacity
		${'no rows'}                      | ${0}    | ${4}
		${'fewer rows than room'}         | ${3}    | ${4}
		${'exactly full'}                 | ${4}    | ${4}
		${'one row past full'}            | ${5}    | ${4}
		${'several doublings'}            | ${1000} | ${1}
		${'the default room and past it'} | ${3000} | ${1024}
	`('keeps every cell of every row: $name', ({ rows, capacity }: Case) => {
		const store = filled(rows, capacity);
		expect(store.length).toBe(rows);
		const { id, weight, flag, pair } = store.columns;
		for (const array of [id, weight, flag]) expect(array.length).toBeGreaterThanOrEqual(rows);
		expect(pair.length).toBeGreaterThanOrEqual(rows * 2);
		for (let r = 0; r < rows; r++) {
			expect([id[r], weight[r], flag[r], pair[r * 2], pair[r * 2 + 1]]).toEqual([
				r * 3,
				r / 4,
				r % 256,
				-r,
				r + 0.5
			]);
		}
	});

	it('keeps the array type of each column when it grows', () => {
		const { id, weight, flag, pair } = filled(10, 2).columns;
		expect([id, weight, flag, pair].map((a) => a.constructor)).toEqual([
			Int32Array,
			Float64Array,
			Uint8Array,
			Float64Array
		]);
	});

	it('starts again at row 0 after clear(), keeping its arrays', () => {
		const store = filled(10, 2);
		const before = store.columns.id;
		store.clear();
		expect(store.length).toBe(0);
		expect(store.append()).toBe(0);
		expect(store.columns.id).toBe(before);
	});
});
