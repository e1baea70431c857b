import type { UnitNode } from '../units';
import { formatMonth } from './calendar';
import type { UnitMonthFigures } from './figures';
import { FIGURES, type FigureId } from './formats';
import { isoMonth } from './parse';
import {
	INDICATOR_REGISTRY,
	INDICATORS,
	periodFactor,
	type IndicatorDefinition,
	type IndicatorId
} from './registry';

export * from './registry';

/**
 * Indicators over a range of months, from the per-unit-month figures of one unit (or of a subtree
 * summed by rollUpFigures), each as registry.ts defines it. docs/indicators.md defines each one
 * with its formula and unit.
 *
 * These only compute: whether a unit's figure may be shown is the month plans' decision, in
 * gate.ts (docs/anonymity.md, "Health signals"), which is the only way to a page. An indicator
 * that cannot be computed comes back as `{ shown: false, reason: 'no-data' }` with no number;
 * otherwise `n` is the smallest month-end headcount in the range.
 */
export type Gated = { shown: true; value: number; n: number } | { shown: false; reason: 'no-data' };

export interface MonthRange {
	/** `yyyy-mm`, included. */
	from: string;
	/** `yyyy-mm`, included. */
	to: string;
}

/** The `count` months ending with `to`: 1 for a month, 12 for a rolling year. */
export function rollingMonths(to: string, count: number): MonthRange {
	return { from: formatMonth(isoMonth(to) - count + 1), to };
}

/**
 * All indicators of one unit (or pooled subtree) over `range`. A figure must be present in every
 * month of the range for an indicator that uses it, else that indicator is 'no-data': a rate over
 * part of a range would be labelled as the whole of it.
 */
export function computeIndicators(
	figures: readonly UnitMonthFigures[],
	range: MonthRange
): Record<IndicatorId, Gated> {
	const from = isoMonth(range.from);
	const to = isoMonth(range.to);
	if (to < from) throw new RangeError(`Range ends before it starts: ${range.from}–${range.to}`);
	const byMonth = new Map<string, UnitMonthFigures>();
	for (const record of figures) {
		if (byMonth.has(record.month)) throw new Error(`Two records for ${record.unitId} in ${record.month}`);
		byMonth.set(record.month, record);
	}
	const records = Array.from({ length: to - from + 1 }, (_, i) => byMonth.get(formatMonth(from + i)));
	const months = records.length;

	/** The figure of every month of the range, or null when one is missing. */
	const series = (id: FigureId): number[] | null => {
		const values: number[] = [];
		for (const record of records) {
			const value = record?.[id];
			if (value === null || value === undefined) return null;
			values.push(value);
		}
		return values;
	};
	const sum = (id: FigureId) => series(id)?.reduce((a, b) => a + b, 0) ?? null;
	const mean = (id: FigureId) => {
		const total = sum(id);
		return total === null ? null : total / months;
	};
	const last = (id: FigureId) => records[months - 1]?.[id] ?? null;
	/** a / b, or null when either is missing or b is 0. */
	const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b);
	const times = (value: number | null, factor: number) => (value === null ? null : value * factor);

	const headcounts = series('headcount');
	const n = headcounts ? Math.min(...headcounts) : null;
	/** Without a headcount in every month, nothing: the range's group is not known. */
	const result = (value: number | null): Gated => {
		if (n === null) return { shown: false, reason: 'no-data' };
		if (value === null || !Number.isFinite(value)) return { shown: false, reason: 'no-data' };
		return { shown: true, value, n };
	};

	/** The sum of a list of figures (over the range, or in the last month), or null when one is missing. */
	const total = (ids: readonly FigureId[], of: (id: FigureId) => number | null) => {
		let value = 0;
		for (const id of ids) {
			const figure = of(id);
			if (figure === null) return null;
			value += figure;
		}
		return value;
	};
	const valueOf = (definition: IndicatorDefinition): number | null => {
		const { numerator, denominator, scale } = definition;
		switch (definition.aggregation) {
			case 'ratioOfSums':
				return times(ratio(total(numerator, sum), sum(denominator)), scale);
			case 'annualRate':
				return times(
					ratio(total(numerator, sum), mean(denominator)),
					scale * periodFactor('annualRate', months)
				);
			case 'lastMonthRatio':
				return times(ratio(total(numerator, last), last(denominator)), scale);
		}
	};

	return Object.fromEntries(INDICATORS.map((id) => [id, result(valueOf(INDICATOR_REGISTRY[id]))])) as Record<
		IndicatorId,
		Gated
	>;
}

/**
 * Each unit's figures summed over its subtree (the unit and all its descendants), per month. A
 * unit below k is thereby pooled into every ancestor's total, where it counts without being shown
 * on its own. A unit without a record in a month adds nothing; a record with a null figure makes
 * that figure of every total it enters null, because a sum with a missing part is not known.
 * Records of units missing from the tree count for themselves only.
 */
export function rollUpFigures(
	units: readonly UnitNode[],
	figures: readonly UnitMonthFigures[]
): UnitMonthFigures[] {
	const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
	const totals = new Map<string, UnitMonthFigures>();
	for (const record of figures) {
		const seen = new Set<string>();
		let unitId: string | null | undefined = record.unitId;
		while (unitId && !seen.has(unitId)) {
			seen.add(unitId);
			const slot = `${unitId}\u0000${record.month}`;
			const total = totals.get(slot);
			if (!total) totals.set(slot, { ...record, unitId });
			else
				for (const id of FIGURES) {
					const value = record[id];
					const current = total[id];
					total[id] = current === null || value === null ? null : current + value;
				}
			unitId = parentOf.get(unitId);
		}
	}
	return [...totals.values()];
}
