import { signalOutcome, type Outcome } from '../action-plans/evaluation';
import type { Disclosed } from '../anonymity';
import type { IndicatorId } from './registry';

/**
 * The signals view's table of units by indicator: the order a column sorts the rows in, and how a
 * unit's figure compares with the organisation's (the 20 % rule that evaluates a measure).
 */
export type SortDirection = 'asc' | 'desc';

export interface SignalsSort {
	/** null: the unit tree's order. */
	indicator: IndicatorId | null;
	direction: SortDirection;
}

/** The sort of the URL's `sort` and `dir`, or the tree order for anything else. */
export function parseSignalsSort(params: URLSearchParams, indicators: readonly IndicatorId[]): SignalsSort {
	const sort = params.get('sort');
	const indicator = indicators.find((id) => id === sort) ?? null;
	return { indicator, direction: params.get('dir') === 'asc' ? 'asc' : 'desc' };
}

/**
 * Rows sorted by one indicator's figure, hidden figures last whatever the direction; ties, and the
 * tree order, keep the rows' given order.
 */
export function sortByIndicator<R extends { rolling: Readonly<Record<IndicatorId, Disclosed<number>>> }>(
	rows: readonly R[],
	sort: SignalsSort
): R[] {
	const indicator = sort.indicator;
	if (!indicator) return [...rows];
	const sign = sort.direction === 'asc' ? 1 : -1;
	return rows
		.map((row, i) => ({ row, i }))
		.sort((a, b) => {
			const x = a.row.rolling[indicator];
			const y = b.row.rolling[indicator];
			if (!x.shown || !y.shown) return Number(!x.shown) - Number(!y.shown) || a.i - b.i;
			return sign * (x.value - y.value) || a.i - b.i;
		})
		.map(({ row }) => row);
}

/** How a unit's figure compares with the organisation's: higher or lower by 20 %, or neither. */
export function againstOrganisation(
	unit: Disclosed<number>,
	organisation: Disclosed<number> | undefined
): Outcome {
	if (!unit.shown || !organisation?.shown) return 'not-comparable';
	return signalOutcome(organisation.value, unit.value);
}

/**
 * The rows a page shows of a large tree: every level that fits within `limit` rows together with
 * those above it (at least the top level), and whether rows were left out. The CSV holds them all.
 */
export function rowsWithin<R extends { depth: number }>(
	rows: readonly R[],
	limit: number
): { rows: R[]; cut: boolean } {
	if (rows.length <= limit) return { rows: [...rows], cut: false };
	let depth = 0;
	while (rows.filter((r) => r.depth <= depth + 1).length <= limit) depth++;
	return { rows: rows.filter((r) => r.depth <= depth), cut: true };
}
