/**
 * A closed wave's summary as one value per wave (`wave_summary_pack`), so that reading a wave costs
 * one bytea instead of thousands of rows of number arrays (node-postgres parses those character by
 * character). Per unit, ordered by unit id, big-endian as PostgreSQL's *send functions write them:
 *
 *   unit id (16 bytes) · respondents (int4) · scored (int4 × D) · sum (float8 × D)
 *   · sum of squares (float8 × D) · green (int4 × D) · orange (int4 × D) · red (int4 × D)
 *
 * summaries.ts writes the pack in the transaction that writes the rows, stamped with the wave's
 * summarised_at, and reads it only when the stamp is the wave's (else the rows: a pack left by an
 * older version of the app, say). This module only decodes.
 */

/** Per dimension: scored, sum, sum of squares, green, orange, red (wave-results.ts's order). */
export const FIELDS = 6;

/** A wave's summaries as columns. */
export interface SummaryColumns {
	dimensions: number;
	unitIds: string[];
	respondents: Float64Array;
	/** Unit u, dimension d, field f at (u × dimensions + d) × FIELDS + f. */
	values: Float64Array;
}

/** Bytes per unit in a pack of `dimensions` dimensions. */
export const bytesPerUnit = (dimensions: number) => 20 + 32 * dimensions;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function uuidAt(bytes: Uint8Array, at: number): string {
	let id = '';
	for (let i = 0; i < 16; i++) {
		if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
		id += HEX[bytes[at + i]!]!;
	}
	return id;
}

/** The columns of a pack; throws when its length does not fit its counts. */
export function decodePack(data: Uint8Array, units: number, dimensions: number): SummaryColumns {
	const size = bytesPerUnit(dimensions);
	if (data.byteLength !== units * size)
		throw new Error(
			`A summary pack of ${units} units × ${dimensions} dimensions has ${data.byteLength} bytes`
		);
	const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
	const unitIds = new Array<string>(units);
	const respondents = new Float64Array(units);
	const values = new Float64Array(units * dimensions * FIELDS);
	const D = dimensions;
	for (let u = 0; u < units; u++) {
		const at = u * size;
		unitIds[u] = uuidAt(data, at);
		respondents[u] = view.getInt32(at + 16);
		const base = u * D * FIELDS;
		const o = at + 20;
		ints(view, o, values, base, 0, D);
		floats(view, o + 4 * D, values, base, 1, D);
		floats(view, o + 12 * D, values, base, 2, D);
		ints(view, o + 20 * D, values, base, 3, D);
		ints(view, o + 24 * D, values, base, 4, D);
		ints(view, o + 28 * D, values, base, 5, D);
	}
	return inUnitOrder({ dimensions, unitIds, respondents, values });
}

// Field `field` of D dimensions from `offset` into values (no functions made per unit: a pack has thousands).
function ints(view: DataView, offset: number, values: Float64Array, base: number, field: number, D: number) {
	for (let d = 0; d < D; d++) values[base + d * FIELDS + field] = view.getInt32(offset + 4 * d);
}

function floats(
	view: DataView,
	offset: number,
	values: Float64Array,
	base: number,
	field: number,
	D: number
) {
	for (let d = 0; d < D; d++) values[base + d * FIELDS + field] = view.getFloat64(offset + 8 * d);
}

/** The columns with their units ordered by id (as PostgreSQL wrote them, checked). */
function inUnitOrder(columns: SummaryColumns): SummaryColumns {
	const { unitIds, dimensions } = columns;
	let sorted = true;
	for (let u = 1; u < unitIds.length && sorted; u++) sorted = unitIds[u - 1]! < unitIds[u]!;
	if (sorted) return columns;
	const order = unitIds
		.map((_, u) => u)
		.sort((a, b) => byUnitId({ unitId: unitIds[a]! }, { unitId: unitIds[b]! }));
	const width = dimensions * FIELDS;
	const values = new Float64Array(columns.values.length);
	order.forEach((from, to) =>
		values.set(columns.values.subarray(from * width, (from + 1) * width), to * width)
	);
	return {
		dimensions,
		unitIds: order.map((u) => unitIds[u]!),
		respondents: Float64Array.from(order, (u) => columns.respondents[u]!),
		values
	};
}

/** Unit ids in the order of a pack (PostgreSQL orders uuids as their lower-case text does). */
export const byUnitId = (a: { unitId: string }, b: { unitId: string }) =>
	a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;

/** Summary rows (wave_unit_summary, or the domain's UnitSummary) as columns, ordered as a pack. */
export function columnsOfSummaries(
	summaries: ReadonlyArray<{
		unitId: string;
		respondents: number;
		scored: ArrayLike<number>;
		scoreSum: ArrayLike<number>;
		scoreSumSq: ArrayLike<number>;
		green: ArrayLike<number>;
		orange: ArrayLike<number>;
		red: ArrayLike<number>;
	}>,
	dimensions: number
): SummaryColumns {
	summaries = [...summaries].sort(byUnitId);
	const values = new Float64Array(summaries.length * dimensions * FIELDS);
	summaries.forEach((s, u) => {
		const fields = [s.scored, s.scoreSum, s.scoreSumSq, s.green, s.orange, s.red];
		for (let d = 0; d < dimensions; d++)
			for (let f = 0; f < FIELDS; f++) values[(u * dimensions + d) * FIELDS + f] = fields[f]![d] ?? 0;
	});
	return {
		dimensions,
		unitIds: summaries.map((s) => s.unitId),
		respondents: Float64Array.from(summaries, (s) => s.respondents),
		values
	};
}
