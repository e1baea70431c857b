import { discloseInEvery, suppressed, type Disclosed, type DisclosurePlan } from '../anonymity';
import { formatMonth } from './calendar';
import type { UnitMonthFigures } from './figures';
import { computeIndicators, INDICATORS, type IndicatorId, type MonthRange } from './indicators';
import { isoMonth } from './parse';

/**
 * The signals gate (docs/anonymity.md, "Health signals"): a month counts for a unit only when
 * that month's plan in force shows the unit. The plans are made on each month's people with the k
 * of their release, so every signal indicator, turnover included, goes through them, and nothing
 * else gates on headcount: computeIndicators and early warning's monthlyRates only compute.
 *
 * Two uses: the indicators of a range of months (the unit page), and a unit's monthly series for
 * early warning (the attention list).
 */

/** Each month's plan in force, by `yyyy-mm`. */
export type MonthPlans = ReadonlyMap<string, DisclosurePlan>;

/** The rule: the plan in force in `month` shows the unit. A month without a plan shows nothing. */
export function shownInMonth(plans: MonthPlans, month: string, unitId: string): boolean {
	return plans.get(month)?.units.get(unitId)?.shown === true;
}

export type IndicatorFigures = Record<IndicatorId, Disclosed<number>>;

/**
 * The indicators of a unit's series over `range` (one month, or a rolling year): an indicator is
 * shown only when the unit is shown in the plan of every month of the range, so that no month's
 * remainder below k hides inside a longer figure; its n is the smallest of those groups. Where the
 * plans hide the unit, the plans' reason; where they show it, the figure's own ('no-data' for a
 * missing figure or a zero denominator).
 */
export function gatedIndicators(
	series: readonly UnitMonthFigures[],
	plans: MonthPlans,
	unitId: string,
	range: MonthRange
): IndicatorFigures {
	const inRange = series.filter((f) => f.month >= range.from && f.month <= range.to);
	const computed = inRange.length > 0 ? computeIndicators(inRange, range) : null;
	const monthPlans: (DisclosurePlan | undefined)[] = [];
	for (let m = isoMonth(range.from); m <= isoMonth(range.to); m++) monthPlans.push(plans.get(formatMonth(m)));
	const plansShow = monthPlans.every((p) => p?.units.get(unitId)?.shown === true);
	const gated = {} as IndicatorFigures;
	for (const id of INDICATORS) {
		const figure = computed?.[id];
		if (!figure) gated[id] = suppressed('no-data');
		else if (!figure.shown && plansShow) gated[id] = suppressed(figure.reason);
		else gated[id] = discloseInEvery(monthPlans, unitId, () => (figure.shown ? figure.value : null));
	}
	return gated;
}

/** The months of a unit's series that count: those whose plan in force shows the unit. */
export function shownMonths(
	series: readonly UnitMonthFigures[],
	plans: MonthPlans,
	unitId: string
): UnitMonthFigures[] {
	return series.filter((f) => shownInMonth(plans, f.month, unitId));
}

/**
 * A unit's monthly series for early warning as of `lastMonth`: the months whose plan shows the
 * unit, or null when the last month's plan does not show it, for then the unit has no reasons (a
 * reason names the unit's latest figures). `seriesOf` reads the unit's figures, only when needed.
 */
export function watchedSeries(
	plans: MonthPlans,
	unitId: string,
	lastMonth: string,
	seriesOf: (unitId: string) => readonly UnitMonthFigures[]
): UnitMonthFigures[] | null {
	if (!shownInMonth(plans, lastMonth, unitId)) return null;
	return shownMonths(seriesOf(unitId), plans, unitId);
}
