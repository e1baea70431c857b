import type { MeasureStatus } from './action-plans/types';
import { signalOutcome, type Outcome } from './action-plans/evaluation';
import type { Disclosed } from './anonymity';
import type { IndicatorId } from './signals/registry';

/**
 * The organisation at a glance (docs/dashboards.md, "Overview"): which themes moved most since the
 * previous wave, how the signals of the last twelve months compare with the twelve before and with
 * Belgian context figures, and where the measures stand. Pure: the figures come in through the
 * gate (`Disclosed`), and nothing here ever reads a hidden one.
 */

/** A theme moved when its share in orange or red changed by at least this (5 percentage points). */
export const THEME_MOVE_MIN = 0.05;
/** How many themes are listed as worsened, and as improved. */
export const THEMES_LISTED = 3;
/** Tolerance for comparing a change with its minimum (0.35 - 0.30 is 0.04999... in binary). */
const EPSILON = 1e-9;

/** What a theme's share needs: the people in orange and in red, as shares of its n. */
export interface BandShares {
	orange: number;
	red: number;
}

export interface ThemeMove {
	dimensionId: string;
	/** Shares in orange or red (0-1), now and in the previous wave, and now - before. */
	now: number;
	before: number;
	change: number;
}

/**
 * The themes whose share in orange or red rose most, and those where it fell most, by at least
 * THEME_MOVE_MIN, THEMES_LISTED of each; only themes shown in both waves count. Ties are broken
 * by the order of the dimensions.
 */
export function themeMoves(
	dimensionIds: readonly string[],
	current: readonly Disclosed<BandShares>[],
	previous: readonly Disclosed<BandShares>[] | null
): { worsened: ThemeMove[]; improved: ThemeMove[] } {
	if (!previous) return { worsened: [], improved: [] };
	const moves: ThemeMove[] = [];
	dimensionIds.forEach((dimensionId, i) => {
		const now = current[i];
		const before = previous[i];
		if (!now?.shown || !before?.shown) return;
		const shareNow = now.value.orange + now.value.red;
		const shareBefore = before.value.orange + before.value.red;
		moves.push({ dimensionId, now: shareNow, before: shareBefore, change: shareNow - shareBefore });
	});
	const worsened = moves
		.filter((m) => m.change >= THEME_MOVE_MIN - EPSILON)
		.sort((a, b) => b.change - a.change)
		.slice(0, THEMES_LISTED);
	const improved = moves
		.filter((m) => -m.change >= THEME_MOVE_MIN - EPSILON)
		.sort((a, b) => a.change - b.change)
		.slice(0, THEMES_LISTED);
	return { worsened, improved };
}

/**
 * Belgian context figures for the private sector (../shared/DOMAIN.md; docs/dashboards.md says
 * where they come from), in the unit of the indicator over twelve months. They are a backdrop, not
 * a norm: a unit's work, sector and population differ.
 */
export interface ContextFigure {
	indicator: IndicatorId;
	value: number;
	year: number;
}

export const CONTEXT_FIGURES: readonly ContextFigure[] = Object.freeze([
	{ indicator: 'absenceRateShort', value: 3.2, year: 2023 },
	{ indicator: 'absenceRateLong', value: 3.6, year: 2023 },
	{ indicator: 'frequency', value: 1.7, year: 2023 }
]);

/** The signal indicators the overview shows, in this order. */
export const OVERVIEW_INDICATORS: readonly IndicatorId[] = Object.freeze([
	'absenceRateShort',
	'absenceRateMedium',
	'absenceRateLong',
	'frequency',
	'turnoverVoluntary',
	'newLongIncapacityPer100Fte',
	'accidentsPer100Fte'
]);

export interface SignalRow {
	indicator: IndicatorId;
	/** The twelve months up to the last month with figures, and the twelve months before them. */
	now: Disclosed<number>;
	yearBefore: Disclosed<number> | null;
	/** Worse or improved by at least 20 % of the year before (evaluation.ts), when both are shown. */
	outcome: Outcome;
	context: ContextFigure | null;
}

/** Each overview indicator now against the year before, and its context figure. */
export function signalRows(
	now: Readonly<Record<IndicatorId, Disclosed<number>>>,
	yearBefore: Readonly<Record<IndicatorId, Disclosed<number>>> | null
): SignalRow[] {
	return OVERVIEW_INDICATORS.map((indicator) => {
		const current = now[indicator];
		const before = yearBefore ? yearBefore[indicator] : null;
		return {
			indicator,
			now: current,
			yearBefore: before,
			outcome: current.shown && before?.shown ? signalOutcome(before.value, current.value) : 'not-comparable',
			context: CONTEXT_FIGURES.find((c) => c.indicator === indicator) ?? null
		};
	});
}

/** Where the measures stand: how many of each status, and the flags of the overview. */
export interface MeasureSummary {
	total: number;
	byStatus: Record<MeasureStatus, number>;
	overdue: number;
	noOwner: number;
}

export function summariseMeasures(
	measures: readonly { status: MeasureStatus; flags: { overdue: boolean; noOwner: boolean } }[]
): MeasureSummary {
	const byStatus: Record<MeasureStatus, number> = { planned: 0, 'in-progress': 0, done: 0, dropped: 0 };
	let overdue = 0;
	let noOwner = 0;
	for (const m of measures) {
		byStatus[m.status]++;
		if (m.flags.overdue) overdue++;
		if (m.flags.noOwner) noOwner++;
	}
	return { total: measures.length, byStatus, overdue, noOwner };
}
