/*
 * The attacker's view. People sit in atoms: a unit's own people, or with a filter a unit's own
 * people with one value. Within an atom nobody can be told apart, so a shown figure is a 0/1
 * vector over atoms and its people are the atoms' counts. Whatever the figure (a sum of scores, a
 * count in a band), figures over the same people sets combine linearly: a set S of atoms is
 * recoverable exactly when its indicator vector lies in the rational span of the shown vectors.
 * A plan is safe when no recoverable S has between 1 and k-1 people.
 *
 * The check, exactly and without trying every S:
 *
 * 1. Two atoms that lie in the same shown vectors (equal columns of the matrix of shown vectors)
 *    have equal coordinates in every vector of the span, so a recoverable S is a union of such
 *    classes; atoms in no shown vector are in no recoverable S at all. If every class holds 0 or at
 *    least k people, no S is too small and we are done (the usual case for a good plan).
 * 2. Otherwise a too-small S holds fewer than k people, so it consists of classes with fewer than
 *    k people only ("small" classes). The span's vectors that vanish outside the small classes form
 *    a subspace; Gauss-Jordan elimination with the other classes' columns first leaves exactly the
 *    rows whose pivot is a small column as its basis (their entries in earlier columns are zero, and
 *    any vector of the subspace has zero coefficients on rows with an earlier pivot).
 * 3. In the reduced form every other row is zero on a row's pivot column, so a vector of that
 *    subspace is fixed by its values on the pivots: a 0/1 vector is the sum of the rows, each
 *    divided by its pivot value, whose pivot it has a 1 on. We try the subsets of those rows whose
 *    pivot classes hold fewer than k people together (a subset with more cannot be small) and
 *    accept a sum that is 0/1 with 1 to k-1 people.
 *
 * Arithmetic is on integers (fraction-free elimination, rows divided by their gcd), checked to stay
 * within Number's exact range, so nothing is rounded. An independent brute force over every subset
 * of atoms checks this on small random systems in anonymity.property.test.ts.
 */

function gcd(a: number, b: number): number {
	a = Math.abs(a);
	b = Math.abs(b);
	while (b) [a, b] = [b, a % b];
	return a;
}

function exact(x: number): number {
	if (!Number.isSafeInteger(x)) throw new Error('Integer overflow in the recoverability check');
	return x;
}

function normalise(row: number[]) {
	let g = 0;
	for (const x of row) g = gcd(g, x);
	const lead = row.find((x) => x !== 0) ?? 0;
	if (g > 1 || lead < 0) {
		const d = lead < 0 ? -g : g;
		for (let c = 0; c < row.length; c++) row[c] = row[c]! / d;
	}
}

/** Gauss-Jordan on integer rows, in place; returns the pivot column of each nonzero row. */
function reduce(rows: number[][], width: number): number[] {
	const pivots: number[] = [];
	for (let col = 0; col < width && pivots.length < rows.length; col++) {
		const rank = pivots.length;
		const r = rows.findIndex((row, i) => i >= rank && row[col] !== 0);
		if (r < 0) continue;
		[rows[rank], rows[r]] = [rows[r]!, rows[rank]!];
		const pivotRow = rows[rank]!;
		normalise(pivotRow);
		const p = pivotRow[col]!;
		rows.forEach((row, j) => {
			const f = row[col]!;
			if (j === rank || f === 0) return;
			for (let c = 0; c < width; c++) row[c] = exact(row[c]! * p - pivotRow[c]! * f);
			normalise(row);
		});
		pivots.push(col);
	}
	return pivots;
}

export function rank(vectors: readonly number[][], width: number): number {
	return reduce(
		vectors.map((v) => [...v]),
		width
	).length;
}

/** A recoverable group of 1 to k-1 people as atom indices, or null when there is none. */
export function recoverableSmallGroup(
	counts: readonly number[],
	shown: readonly (readonly number[])[],
	k: number
): number[] | null {
	const signature = counts.map((): number[] => []);
	shown.forEach((set, s) => new Set(set).forEach((a) => signature[a]!.push(s)));
	const classes: { atoms: number[]; people: number; sets: number[] }[] = [];
	const byKey = new Map<string, (typeof classes)[number]>();
	counts.forEach((people, a) => {
		const sets = signature[a]!;
		if (people === 0 || sets.length === 0) return;
		const key = sets.join(',');
		let found = byKey.get(key);
		if (!found) {
			found = { atoms: [], people: 0, sets };
			byKey.set(key, found);
			classes.push(found);
		}
		found.atoms.push(a);
		found.people += people;
	});
	const small = classes.filter((c) => c.people < k);
	if (small.length === 0) return null;
	const columns = [...classes.filter((c) => c.people >= k), ...small];
	const firstSmall = columns.length - small.length;
	const rows = shown.map(() => new Array<number>(columns.length).fill(0));
	columns.forEach((c, col) => c.sets.forEach((s) => (rows[s]![col] = 1)));
	const pivots = reduce(rows, columns.length);

	const basis = pivots.flatMap((col, r) => (col >= firstSmall ? [{ row: rows[r]!, col }] : []));
	for (const { row } of basis) {
		if (row.slice(0, firstSmall).some((x) => x !== 0)) throw new Error('Not in echelon form');
	}
	let d = 1;
	for (const { row, col } of basis) d = exact((d / gcd(d, row[col]!)) * row[col]!);
	const scaled = basis.map(({ row, col }) => ({
		row: row.map((x) => exact((x * d) / row[col]!)),
		people: columns[col]!.people
	}));

	const sum = new Array<number>(columns.length).fill(0);
	const search = (from: number, pivotPeople: number, chosen: number): number[] | null => {
		if (chosen > 0 && sum.every((x) => x === 0 || x === d)) {
			const people = columns.reduce((total, c, col) => total + (sum[col] === d ? c.people : 0), 0);
			if (people > 0 && people < k)
				return columns.flatMap((c, col) => (sum[col] === d ? c.atoms : [])).sort((a, b) => a - b);
		}
		for (let i = from; i < scaled.length; i++) {
			const { row, people } = scaled[i]!;
			if (pivotPeople + people >= k) continue;
			for (let c = 0; c < sum.length; c++) sum[c] = sum[c]! + row[c]!;
			const found = search(i + 1, pivotPeople + people, chosen + 1);
			for (let c = 0; c < sum.length; c++) sum[c] = sum[c]! - row[c]!;
			if (found) return found;
		}
		return null;
	};
	return search(0, 0, 0);
}

/**
 * Whether the people of `group` form a vector in the span of `shown`, by comparing ranks
 * (independent of the above). Atoms without people are no coordinates: they hold nobody.
 */
export function inSpan(
	counts: readonly number[],
	shown: readonly (readonly number[])[],
	group: readonly number[]
): boolean {
	const vector = (set: readonly number[]) => {
		const v = counts.map(() => 0);
		for (const a of set) v[a] = 1;
		return v.filter((_, a) => counts[a]! > 0);
	};
	const width = counts.filter((c) => c > 0).length;
	const rows = shown.map(vector);
	return rank(rows, width) === rank([...rows, vector(group)], width);
}
