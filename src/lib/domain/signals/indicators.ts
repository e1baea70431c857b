import type { UnitNode } from '../units';
import { formatMonth } from './calendar';
import type { UnitMonthFigures } from './figures';
import { FIGURES, type FigureId } from './formats';
import { isoMonth } from './parse';

/**
 * Indicators over a range of months, from the per-unit-month figures of one unit (or of a subtree
 * summed by rollUpFigures). docs/indicators.md defines each one with its formula and unit.
 *
 * The anonymity gate is the return type: a health indicator of a unit whose headcount is below k
 * comes back as `{ shown: false }` and carries no number at all, so a chart cannot show it by
 * mistake. `n` is the smallest month-end headcount in the range: every month must reach k, else a
 * month with a tiny team would hide inside a yearly figure.
 */
export type Gated =
	{ shown: true; value: number; n: number } | { shown: false; reason: 'below-k' | 'no-data' };

export const INDICATORS = [
	'absenceRate',
	'absenceRateShort',
	'absenceRateMedium',
	'absenceRateLong',
	'frequency',
	'frequentAbsenteeism',
	'averageSpellDuration',
	'turnoverVoluntary',
	'turnoverInvoluntary',
	'newLongIncapacityPer100Fte',
	'accidentsPer100Fte'
] as const;
export type IndicatorId = (typeof INDICATORS)[number];

/** Indicators about people's health: shown only for groups of at least k. Turnover is not one. */
export const HEALTH_INDICATORS: ReadonlySet<IndicatorId> = new Set(
	INDICATORS.filter((id) => id !== 'turnoverVoluntary' && id !== 'turnoverInvoluntary')
);

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
	range: MonthRange,
	k: number
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
	const perYear = 12 / months;

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
	const gate = (id: IndicatorId, value: number | null): Gated => {
		if (n === null) return { shown: false, reason: 'no-data' };
		if (HEALTH_INDICATORS.has(id) && n < k) return { shown: false, reason: 'below-k' };
		if (value === null || !Number.isFinite(value)) return { shown: false, reason: 'no-data' };
		return { shown: true, value, n };
	};

	const planned = sum('plannedDays');
	const short = sum('sickDaysShort');
	const medium = sum('sickDaysMedium');
	const long = sum('sickDaysLong');
	const sick = short === null || medium === null || long === null ? null : short + medium + long;
	const averageHeadcount = mean('headcount');
	const averageFte = mean('fte');

	return {
		absenceRate: gate('absenceRate', times(ratio(sick, planned), 100)),
		absenceRateShort: gate('absenceRateShort', times(ratio(short, planned), 100)),
		absenceRateMedium: gate('absenceRateMedium', times(ratio(medium, planned), 100)),
		absenceRateLong: gate('absenceRateLong', times(ratio(long, planned), 100)),
		frequency: gate('frequency', times(ratio(sum('spells'), averageHeadcount), perYear)),
		frequentAbsenteeism: gate(
			'frequentAbsenteeism',
			times(ratio(last('frequentAbsentees'), last('headcount')), 100)
		),
		averageSpellDuration: gate('averageSpellDuration', ratio(sum('spellsEndedDays'), sum('spellsEnded'))),
		turnoverVoluntary: gate(
			'turnoverVoluntary',
			times(ratio(sum('leaversVoluntary'), averageHeadcount), 100 * perYear)
		),
		turnoverInvoluntary: gate(
			'turnoverInvoluntary',
			times(ratio(sum('leaversInvoluntary'), averageHeadcount), 100 * perYear)
		),
		newLongIncapacityPer100Fte: gate(
			'newLongIncapacityPer100Fte',
			times(ratio(sum('newIncapacity4w'), averageFte), 100 * perYear)
		),
		accidentsPer100Fte: gate(
			'accidentsPer100Fte',
			times(ratio(sum('workAccidents'), averageFte), 100 * perYear)
		)
	};
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
