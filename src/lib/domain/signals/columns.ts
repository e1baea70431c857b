/** The arrays a column store keeps its cells in. */
export type TypedArray = Int32Array | Float64Array | Uint8Array;

/** One column of a store: the array type of its cells and how many cells a row has in it. */
export interface Column<A extends TypedArray = TypedArray> {
	readonly type: new (length: number) => A;
	readonly width: number;
}

/** A column of `width` cells a row (one by default) in arrays of `type`. */
export function column<A extends TypedArray>(type: new (length: number) => A, width = 1): Column<A> {
	return { type, width };
}

export type ColumnArrays<S extends Record<string, Column>> = {
	[K in keyof S]: S[K] extends Column<infer A> ? A : never;
};

/**
 * Rows kept as one typed array per column (a struct of arrays) that doubles when it is full: a
 * million rows cost a few bytes a cell and no object a row. `append()` makes room for one row
 * and returns its index; the caller writes the cells into `columns` (a column of width w holds
 * row i in cells i·w to i·w + w − 1). Growing replaces the arrays: read `columns` again after an
 * append, and hold on to an array only once all rows are in.
 */
export class ColumnStore<S extends Record<string, Column>> {
	length = 0;
	columns: ColumnArrays<S>;
	private capacity: number;
	private readonly names: (keyof S & string)[];

	constructor(
		private readonly schema: S,
		capacity = 1024
	) {
		this.capacity = capacity;
		this.names = Object.keys(schema);
		const columns: Record<string, TypedArray> = {};
		for (const name of this.names) columns[name] = new schema[name]!.type(capacity * schema[name]!.width);
		this.columns = columns as ColumnArrays<S>;
	}

	/** The index of a new row at the end; its cells hold what was there before (zeros, unless cleared). */
	append(): number {
		if (this.length === this.capacity) this.grow();
		return this.length++;
	}

	/** Forgets the rows and keeps the arrays, to fill them again. */
	clear(): void {
		this.length = 0;
	}

	private grow(): void {
		this.capacity *= 2;
		const columns = this.columns as Record<string, TypedArray>;
		for (const name of this.names) {
			const { type, width } = this.schema[name]!;
			const bigger = new type(this.capacity * width);
			bigger.set(columns[name]!);
			columns[name] = bigger;
		}
	}
}
