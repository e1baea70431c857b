/**
 * A wave's results per unit subtree, from the per-unit summaries the database keeps (respondents,
 * and per dimension: scored answers, sum and sum of squares of the scores, band counts). Pure
 * arithmetic: what may be shown of it is decided by the anonymity plan, not here.
 */
export interface UnitSummary {
	unitId: string;
	respondents: number;
	scored: readonly number[];
	scoreSum: readonly number[];
	scoreSumSq: readonly number[];
	green: readonly number[];
	orange: readonly number[];
	red: readonly number[];
}

/** Per dimension: scored, sum, sum of squares, green, orange, red (in that order). */
const FIELDS = 6;

export interface SubtreeTotals {
	respondents: number;
	/** FIELDS numbers per dimension. */
	values: Float64Array;
}

export interface DimensionStats {
	/** People with a score on this dimension. */
	scored: number;
	mean: number;
	/** Population standard deviation of the scores. */
	sd: number;
	/** Shares of the scored people (0–1). */
	green: number;
	orange: number;
	red: number;
}

/**
 * Sums every unit's summary into itself and all its ancestors, so each unit gets the totals of its
 * subtree. Units without responses get zero totals; summaries of units missing from the tree
 * count for themselves only.
 */
export function rollUpSummaries(
	units: readonly { id: string; parentId: string | null }[],
	summaries: readonly UnitSummary[],
	dimensionCount: number
): Map<string, SubtreeTotals> {
	const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
	const totals = new Map<string, SubtreeTotals>();
	const totalOf = (id: string) => {
		let total = totals.get(id);
		if (!total)
			totals.set(id, (total = { respondents: 0, values: new Float64Array(dimensionCount * FIELDS) }));
		return total;
	};
	for (const u of units) totalOf(u.id);
	for (const s of summaries) {
		const seen = new Set<string>();
		for (let id: string | null | undefined = s.unitId; id && !seen.has(id); id = parentOf.get(id)) {
			seen.add(id);
			const total = totalOf(id);
			total.respondents += s.respondents;
			const v = total.values;
			for (let d = 0; d < dimensionCount; d++) {
				const o = d * FIELDS;
				v[o]! += s.scored[d] ?? 0;
				v[o + 1]! += s.scoreSum[d] ?? 0;
				v[o + 2]! += s.scoreSumSq[d] ?? 0;
				v[o + 3]! += s.green[d] ?? 0;
				v[o + 4]! += s.orange[d] ?? 0;
				v[o + 5]! += s.red[d] ?? 0;
			}
		}
	}
	return totals;
}

/** The statistics of one dimension of a subtree; null when nobody scored it. */
export function dimensionStats(totals: SubtreeTotals, dimension: number): DimensionStats | null {
	const o = dimension * FIELDS;
	const v = totals.values;
	const scored = v[o]!;
	if (scored === 0) return null;
	const mean = v[o + 1]! / scored;
	const variance = Math.max(0, v[o + 2]! / scored - mean * mean);
	return {
		scored,
		mean,
		sd: Math.sqrt(variance),
		green: v[o + 3]! / scored,
		orange: v[o + 4]! / scored,
		red: v[o + 5]! / scored
	};
}
